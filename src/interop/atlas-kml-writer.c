/* atlas-kml-writer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a case as KML 2.2 that Google Earth opens: a Document with a style per incident
 * category (the map's colours) and per kind of route, a folder "Incidents" with a Placemark
 * per incident, and a folder "Routes" with, per route, a LineString Placemark and its
 * waypoints as numbered point Placemarks. Every placemark has its name, its time
 * (TimeStamp, or TimeSpan when it has an end), a description listing its claims and their
 * sources, and its fields in ExtendedData, followed by one Data per claim so that reading
 * the file back (atlas-kml-reader.c) keeps each claim. libxml2's xmlTextWriter writes and
 * escapes the XML.
 *
 * Google Earth shows a description as HTML, so the description is HTML, with every string
 * from the case escaped by g_markup_escape_text(): a value such as "<img src=…>" is shown,
 * never run.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "atlas-kml-writer.h"
#include "atlas-route.h"

#define KML_NAMESPACE "http://www.opengis.net/kml/2.2"

/* White, so that the style's colour is the colour shown; Google Earth ships this icon. */
#define ICON_HREF "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"

/* The map's category colours (src/map/atlas-map-style.c, the Okabe–Ito palette), as KML
 * writes colours: alpha, blue, green, red. */
static const struct {
  const char *category;
  const char *colour;
} category_styles[] = {
  { "bombing", "ff005ed5" },
  { "armed-assault", "ffa779cc" },
  { "arrest", "ffb27200" },
  { "claim", "ff739e00" },
  { "other", "ff777777" },
};

/* KML cannot dash a line: a reported route is a wide, opaque blue; an alleged or contested
 * one a narrow, translucent vermilion, as the map draws them. */
static const struct {
  const char *status;
  const char *colour;
  const char *width;
} route_styles[] = {
  { "reported", "ffd9701c", "4" },
  { "contested", "cc0d52d6", "2.5" },
};

typedef struct {
  AtlasExportContext *context;
  GOutputStream      *stream;
  xmlTextWriter      *writer;
  GError             *error;    /* the first error, from the stream or libxml2 */
} KmlWriter;

/* ---- libxml2 output ------------------------------------------------------------------ */

static int
write_cb (void       *user_data,
          const char *buffer,
          int         length)
{
  KmlWriter *self = user_data;

  if (self->error != NULL
      || !_atlas_case_exporter_write (self->stream, buffer, (gsize) length,
                                      self->context->cancellable, &self->error))
    return -1;
  return length;
}

/* The stream is closed by the exporter, once it knows the whole file was written. */
static int
close_cb (void *user_data)
{
  return 0;
}

static gboolean
check (KmlWriter *self,
       int        result)
{
  if (result >= 0)
    return TRUE;
  if (self->error == NULL)
    g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the KML could not be written"));
  return FALSE;
}

static gboolean
start (KmlWriter  *self,
       const char *name)
{
  return check (self, xmlTextWriterStartElement (self->writer, BAD_CAST name));
}

static gboolean
end (KmlWriter *self)
{
  return check (self, xmlTextWriterEndElement (self->writer));
}

static gboolean
attribute (KmlWriter  *self,
           const char *name,
           const char *value)
{
  g_autofree char *clean = _atlas_case_exporter_clean_text (value, TRUE);

  return check (self, xmlTextWriterWriteAttribute (self->writer, BAD_CAST name,
                                                   BAD_CAST clean));
}

/* <name>text</name>; nothing when @text is NULL. */
static gboolean
element (KmlWriter  *self,
         const char *name,
         const char *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL)
    return TRUE;
  clean = _atlas_case_exporter_clean_text (text, TRUE);
  return check (self, xmlTextWriterWriteElement (self->writer, BAD_CAST name, BAD_CAST clean));
}

/* <Data name="…"><value>…</value></Data>; nothing when @value is NULL. */
static gboolean
data (KmlWriter  *self,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return TRUE;
  return start (self, "Data") && attribute (self, "name", name)
         && element (self, "value", value) && end (self);
}

/* ---- styles -------------------------------------------------------------------------- */

static gboolean
write_icon_style (KmlWriter  *self,
                  const char *id,
                  const char *colour,
                  const char *scale)
{
  return start (self, "Style") && attribute (self, "id", id)
         && start (self, "IconStyle") && element (self, "color", colour)
         && element (self, "scale", scale)
         && start (self, "Icon") && element (self, "href", ICON_HREF) && end (self)
         && end (self)
         && start (self, "LabelStyle") && element (self, "scale", scale) && end (self)
         && end (self);
}

static gboolean
write_line_style (KmlWriter  *self,
                  const char *id,
                  const char *colour,
                  const char *width)
{
  return start (self, "Style") && attribute (self, "id", id)
         && start (self, "LineStyle") && element (self, "color", colour)
         && element (self, "width", width) && end (self)
         && end (self);
}

static gboolean
write_styles (KmlWriter *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (category_styles); i++)
    {
      g_autofree char *id = g_strconcat ("category-", category_styles[i].category, NULL);

      if (!write_icon_style (self, id, category_styles[i].colour, "1.1"))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (route_styles); i++)
    {
      g_autofree char *route_id = g_strconcat ("route-", route_styles[i].status, NULL);
      g_autofree char *waypoint_id = g_strconcat ("waypoint-", route_styles[i].status, NULL);

      if (!write_line_style (self, route_id, route_styles[i].colour, route_styles[i].width)
          || !write_icon_style (self, waypoint_id, route_styles[i].colour, "0.8"))
        return FALSE;
    }
  return TRUE;
}

static char *
category_style_url (AtlasRecord *incident)
{
  const char *category = atlas_record_get_text (incident, "category");

  for (guint i = 0; i < G_N_ELEMENTS (category_styles); i++)
    if (g_strcmp0 (category, category_styles[i].category) == 0)
      return g_strconcat ("#category-", category, NULL);
  return g_strdup ("#category-other");
}

/* Routes that are not reported as fact look contested, as on the map. */
static const char *
route_status_style (AtlasRecord *route)
{
  return g_strcmp0 (atlas_record_get_text (route, "status"), "reported") == 0
         ? "reported" : "contested";
}

/* ---- descriptions -------------------------------------------------------------------- */

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *clean = _atlas_case_exporter_clean_text (text, TRUE);
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (html, escaped);
}

static void
append_paragraph (GString    *html,
                  const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (html, "<p>");
  append_escaped (html, text);
  g_string_append (html, "</p>");
}

static void
append_heading (GString    *html,
                const char *heading)
{
  g_string_append (html, "<p><b>");
  append_escaped (html, heading);
  g_string_append (html, "</b></p>");
}

/* "deaths: 84 — according to …; NewsNation: … (NewsNation, 2024-01-04)" */
static void
append_claim (GString            *html,
              AtlasExportContext *context,
              AtlasRecord        *claim)
{
  const char *attributed_to = atlas_record_get_text (claim, "attributed_to");
  AtlasRecord *document = _atlas_case_exporter_get_document (
    context, atlas_record_get_text (claim, "document_key"));

  g_string_append (html, "<li><b>");
  append_escaped (html, atlas_record_get_text (claim, "attribute"));
  g_string_append (html, "</b>: ");
  append_escaped (html, atlas_record_get_text (claim, "value_text"));
  if (attributed_to != NULL)
    {
      /* Translators: who made a claim, e.g. "according to the Interior Minister" */
      g_autofree char *according = g_strdup_printf (_("according to %s"), attributed_to);

      g_string_append (html, " — ");
      append_escaped (html, according);
    }
  if (document != NULL)
    {
      g_autofree char *source = _atlas_case_exporter_describe_source (document);
      /* Translators: the document a claim was read in, e.g. "in Report (Reuters, 2024-01-05)" */
      g_autofree char *read_in = g_strdup_printf (_("in %s"), source);

      g_string_append (html, attributed_to != NULL ? "; " : " — ");
      append_escaped (html, read_in);
    }
  g_string_append (html, "</li>");
}

static void
append_claims_and_sources (GString            *html,
                           AtlasExportContext *context,
                           AtlasExportSubject *subject)
{
  if (subject->claims->len > 0)
    {
      append_heading (html, _("Claims"));
      g_string_append (html, "<ul>");
      for (guint i = 0; i < subject->claims->len; i++)
        append_claim (html, context, g_ptr_array_index (subject->claims, i));
      g_string_append (html, "</ul>");
    }
  if (subject->sources->len > 0)
    {
      append_heading (html, _("Sources"));
      g_string_append (html, "<ol>");
      for (guint i = 0; i < subject->sources->len; i++)
        {
          AtlasRecord *document = g_ptr_array_index (subject->sources, i);
          g_autofree char *line = _atlas_case_exporter_describe_source (document);
          /* Translators: a source's grade on the Admiralty scale, A (reliable) to F */
          g_autofree char *grade = g_strdup_printf (_("reliability %s"),
                                                    atlas_record_get_text (document,
                                                                           "reliability"));

          g_string_append (html, "<li>");
          append_escaped (html, line);
          g_string_append (html, " — ");
          append_escaped (html, grade);
          g_string_append (html, "</li>");
        }
      g_string_append (html, "</ol>");
    }
}

/* "2. Khash, 2024-01-03" */
static char *
describe_waypoint (AtlasRecord *waypoint)
{
  const char *place = atlas_record_get_text (waypoint, "place");
  const char *date = atlas_record_get_text (waypoint, "date");
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%" G_GINT64_FORMAT ".", atlas_record_get_int (waypoint, "seq"));
  if (place != NULL)
    g_string_append_printf (line, " %s", place);
  if (date != NULL)
    g_string_append_printf (line, place != NULL ? ", %s" : " %s", date);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
append_waypoint_list (GString    *html,
                      GListModel *waypoints)
{
  if (g_list_model_get_n_items (waypoints) == 0)
    return;
  append_heading (html, _("Waypoints"));
  g_string_append (html, "<ul>");
  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);
      g_autofree char *line = describe_waypoint (waypoint);

      g_string_append (html, "<li>");
      append_escaped (html, line);
      g_string_append (html, "</li>");
    }
  g_string_append (html, "</ul>");
}

/* ---- placemarks ---------------------------------------------------------------------- */

/* TimeSpan when the record has an end, TimeStamp when it has only a start. */
static gboolean
write_time (KmlWriter   *self,
            AtlasRecord *record,
            const char  *start_field,
            const char  *end_field)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);
  const AtlasField *start_spec = atlas_record_class_find_field (klass, start_field);
  const AtlasField *end_spec = end_field ? atlas_record_class_find_field (klass, end_field) : NULL;
  g_autofree char *begin = _atlas_case_exporter_field_text (record, start_spec,
                                                           ATLAS_EXPORT_DATE_XSD);
  g_autofree char *finish = end_spec ? _atlas_case_exporter_field_text (record, end_spec,
                                                                        ATLAS_EXPORT_DATE_XSD)
                                     : NULL;

  if (finish != NULL)
    return start (self, "TimeSpan") && element (self, "begin", begin)
           && element (self, "end", finish) && end (self);
  if (begin != NULL)
    return start (self, "TimeStamp") && element (self, "when", begin) && end (self);
  return TRUE;
}

/* The fields (but those KML carries in elements of its own, in @skip, and the point), the
 * sources, then one Data per claim: after the fields, so that reading the file back fills
 * each field from its own Data before a claim of the same name. */
static gboolean
write_extended_data (KmlWriter          *self,
                     AtlasExportSubject *subject,
                     const char * const *skip)
{
  AtlasRecord *record = subject->record;
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);
  g_autofree char *sources = _atlas_case_exporter_join_sources (subject);

  if (!start (self, "ExtendedData") || !data (self, "kind", atlas_record_get_kind (record))
      || !data (self, "id", atlas_record_get_key (record)))
    return FALSE;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const AtlasField *field = &klass->fields[i];
      g_autofree char *text = NULL;

      if (_atlas_case_exporter_is_point_field (field)
          || g_strv_contains (skip, field->name))
        continue;
      text = _atlas_case_exporter_field_text (record, field, ATLAS_EXPORT_DATE_STORED);
      if (!data (self, field->name, text))
        return FALSE;
    }
  if (!data (self, "sources", sources))
    return FALSE;
  for (guint i = 0; i < subject->claims->len; i++)
    {
      AtlasRecord *claim = g_ptr_array_index (subject->claims, i);

      if (!data (self, atlas_record_get_text (claim, "attribute"),
                 atlas_record_get_text (claim, "value_text")))
        return FALSE;
    }
  return end (self);
}

static gboolean
write_point (KmlWriter   *self,
             AtlasRecord *record)
{
  g_autofree char *longitude = _atlas_case_exporter_format_number (
    atlas_record_get_double (record, "longitude"));
  g_autofree char *latitude = _atlas_case_exporter_format_number (
    atlas_record_get_double (record, "latitude"));
  g_autofree char *coordinates = g_strconcat (longitude, ",", latitude, NULL);

  return start (self, "Point") && element (self, "coordinates", coordinates) && end (self);
}

/* The Placemark's start, name and description, in the order KML's schema wants. */
static gboolean
begin_placemark (KmlWriter  *self,
                 const char *name,
                 GString    *description)
{
  return start (self, "Placemark") && element (self, "name", name)
         && element (self, "description", description->len > 0 ? description->str : NULL);
}

static gboolean
write_incident (KmlWriter   *self,
                AtlasRecord *incident)
{
  static const char * const skip[] = { "title", "start_time", "end_time", NULL };
  g_auto(AtlasExportSubject) subject = { 0 };
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *style_url = category_style_url (incident);

  if (_atlas_case_exporter_check_cancelled (self->context, &self->error)
      || !_atlas_case_exporter_subject_load (self->context, incident, &subject, &self->error))
    return FALSE;

  append_paragraph (description, atlas_record_get_text (incident, "summary"));
  append_claims_and_sources (description, self->context, &subject);
  return begin_placemark (self, atlas_record_get_text (incident, "title"), description)
         && write_time (self, incident, "start_time", "end_time")
         && element (self, "styleUrl", style_url)
         && write_extended_data (self, &subject, skip)
         && write_point (self, incident)
         && end (self);
}

static gboolean
write_incidents (KmlWriter *self)
{
  g_autoptr(GListModel) incidents = atlas_case_list_incidents (self->context->atlas_case,
                                                               self->context->filter,
                                                               &self->error);

  if (incidents == NULL || !start (self, "Folder") || !element (self, "name", _("Incidents")))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(AtlasRecord) incident = g_list_model_get_item (incidents, i);

      if (!write_incident (self, incident))
        return FALSE;
    }
  return end (self);
}

static gboolean
write_waypoint (KmlWriter   *self,
                AtlasRecord *waypoint,
                const char  *status)
{
  static const char * const skip[] = { "date", NULL };
  g_auto(AtlasExportSubject) subject = { 0 };
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *style_url = g_strconcat ("#waypoint-", status, NULL);
  g_autofree char *name = describe_waypoint (waypoint);

  if (_atlas_case_exporter_check_cancelled (self->context, &self->error)
      || !_atlas_case_exporter_subject_load (self->context, waypoint, &subject, &self->error))
    return FALSE;

  append_claims_and_sources (description, self->context, &subject);
  return begin_placemark (self, name, description)
         && write_time (self, waypoint, "date", NULL)
         && element (self, "styleUrl", style_url)
         && write_extended_data (self, &subject, skip)
         && write_point (self, waypoint)
         && end (self);
}

/* KML wants two positions at least; a route with fewer is written without a line. */
static gboolean
write_line (KmlWriter  *self,
            GListModel *waypoints)
{
  g_autoptr(GString) coordinates = g_string_new (NULL);
  guint n = g_list_model_get_n_items (waypoints);

  if (n < 2)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);
      g_autofree char *longitude = _atlas_case_exporter_format_number (
        atlas_record_get_double (waypoint, "longitude"));
      g_autofree char *latitude = _atlas_case_exporter_format_number (
        atlas_record_get_double (waypoint, "latitude"));

      g_string_append_printf (coordinates, "%s%s,%s", i > 0 ? " " : "", longitude, latitude);
    }
  return start (self, "LineString") && element (self, "tessellate", "1")
         && element (self, "coordinates", coordinates->str) && end (self);
}

static gboolean
write_route_placemark (KmlWriter   *self,
                       AtlasRecord *route,
                       GListModel  *waypoints)
{
  static const char * const skip[] = { "name", NULL };
  g_auto(AtlasExportSubject) subject = { 0 };
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *style_url = g_strconcat ("#route-", route_status_style (route), NULL);

  if (!_atlas_case_exporter_subject_load (self->context, route, &subject, &self->error))
    return FALSE;

  append_paragraph (description, atlas_record_get_text (route, "summary"));
  append_waypoint_list (description, waypoints);
  append_claims_and_sources (description, self->context, &subject);
  return begin_placemark (self, atlas_record_get_text (route, "name"), description)
         && element (self, "styleUrl", style_url)
         && write_extended_data (self, &subject, skip)
         && write_line (self, waypoints)
         && end (self);
}

/* A folder per route: its line, then its waypoints in order. */
static gboolean
write_route (KmlWriter   *self,
             AtlasRecord *route)
{
  g_autoptr(GListModel) waypoints = NULL;

  if (_atlas_case_exporter_check_cancelled (self->context, &self->error)
      || (waypoints = atlas_case_list_waypoints (self->context->atlas_case,
                                                 atlas_record_get_key (route),
                                                 &self->error)) == NULL
      || !start (self, "Folder") || !element (self, "name", atlas_record_get_text (route, "name"))
      || !write_route_placemark (self, route, waypoints))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);

      if (!write_waypoint (self, waypoint, route_status_style (route)))
        return FALSE;
    }
  return end (self);
}

static gboolean
write_routes (KmlWriter *self)
{
  g_autoptr(GListModel) routes = atlas_case_list_records (self->context->atlas_case,
                                                          ATLAS_TYPE_ROUTE, &self->error);

  if (routes == NULL || !start (self, "Folder") || !element (self, "name", _("Routes")))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(AtlasRecord) route = g_list_model_get_item (routes, i);

      if (!write_route (self, route))
        return FALSE;
    }
  return end (self);
}

static gboolean
write_document (KmlWriter *self)
{
  AtlasCase *atlas_case = self->context->atlas_case;
  g_autoptr(GString) description = g_string_new (NULL);

  append_paragraph (description, atlas_case_get_summary (atlas_case));
  return check (self, xmlTextWriterStartDocument (self->writer, NULL, "UTF-8", NULL))
         && start (self, "kml") && attribute (self, "xmlns", KML_NAMESPACE)
         && start (self, "Document")
         && element (self, "name", atlas_case_get_title (atlas_case))
         && element (self, "open", "1")
         && element (self, "description", description->len > 0 ? description->str : NULL)
         && write_styles (self)
         && write_incidents (self)
         && write_routes (self)
         && check (self, xmlTextWriterEndDocument (self->writer));
}

/**
 * atlas_kml_writer_write:
 *
 * Writes the incidents that pass the context's filter, and every route with its waypoints.
 */
gboolean
atlas_kml_writer_write (AtlasExportContext  *context,
                        GOutputStream       *stream,
                        GError             **error)
{
  KmlWriter self = { context, stream, NULL, NULL };
  xmlOutputBuffer *buffer;
  gboolean ok;

  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, &self, NULL);
  if (buffer == NULL || (self.writer = xmlNewTextWriter (buffer)) == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the KML could not be written"));
      return FALSE;
    }
  xmlTextWriterSetIndent (self.writer, 1);
  xmlTextWriterSetIndentString (self.writer, BAD_CAST "  ");

  ok = write_document (&self);
  /* Frees the buffer too, flushing what is left through write_cb. */
  xmlFreeTextWriter (self.writer);
  if (ok && self.error == NULL)
    return TRUE;
  /* Every failure on the way has set self.error (check(), the store, the stream). */
  g_assert (self.error != NULL);
  g_propagate_error (error, self.error);
  return FALSE;
}
