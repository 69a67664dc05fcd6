/* atlas-gpx-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads GPX 1.0 and 1.1: waypoints become incidents, routes and track segments become
 * routes with their points as waypoints, and times become dates. A waypoint's other
 * elements (elevation, symbol, comment, simple extensions such as GDAL's fields) are kept
 * as claims; per-point extras of tracks (elevation, speed) are not kept. The file is walked
 * as a stream (atlas-xml-stream.c): a waypoint, a route point or a track point is a small
 * tree while it is read, so memory follows the largest of them, not the file.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-gpx-reader.h"
#include "atlas-import-error.h"
#include "atlas-import-limits.h"
#include "atlas-import-values.h"
#include "atlas-safe-xml.h"
#include "atlas-xml-stream.h"

#define ITEMS_PER_PROGRESS 1000

static const char * const gpx_namespaces[] = {
  "http://www.topografix.com/GPX/1/1",
  "http://www.topografix.com/GPX/1/0",
  NULL
};

typedef struct {
  AtlasImportBatch *batch;
  AtlasXmlStream   *stream;
  guint             n_items;
} GpxReader;

static gboolean
is_gpx (xmlNode    *node,
        const char *name)
{
  return atlas_safe_xml_is (node, name, gpx_namespaces);
}

static gboolean
read_point (GpxReader *reader,
            xmlNode   *node,
            double    *latitude,
            double    *longitude)
{
  g_autoptr(GError) error = NULL;
  xmlChar *lat = xmlGetProp (node, (const xmlChar *) "lat");
  xmlChar *lon = xmlGetProp (node, (const xmlChar *) "lon");
  gboolean ok = atlas_import_parse_coordinate ((const char *) lat, (const char *) lon,
                                               latitude, longitude, &error);

  if (!ok)
    atlas_import_batch_add_problem (reader->batch, "%s", error->message);
  xmlFree (lat);
  xmlFree (lon);
  return ok;
}

/* A <link> keeps its address; any other element its text. */
static char *
element_value (xmlNode  *element,
               GError  **error)
{
  xmlChar *href;
  char *value;

  if (!xmlStrEqual (element->name, (const xmlChar *) "link")
      || (href = xmlGetProp (element, (const xmlChar *) "href")) == NULL)
    return atlas_safe_xml_text (element, ATLAS_IMPORT_MAX_FIELD_SIZE, error);
  value = g_strdup ((const char *) href);
  xmlFree (href);
  return value;
}

static gboolean
has_child_elements (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

static gboolean
read_property (GpxReader   *reader,
               AtlasRecord *record,
               xmlNode     *element,
               guint       *filled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = element_value (element, &error);

  if (value == NULL)
    {
      atlas_import_batch_add_problem (reader->batch, "%s", error->message);
      return FALSE;
    }
  return atlas_import_batch_set_property (reader->batch, record, (const char *) element->name,
                                          value, filled);
}

/* Simple values in <extensions>, such as GDAL's <ogr:field>, are properties too; nested
 * vendor structures are not read. */
static gboolean
read_extensions (GpxReader   *reader,
                 AtlasRecord *record,
                 xmlNode     *extensions,
                 guint       *filled)
{
  for (xmlNode *child = extensions->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !has_child_elements (child)
        && !read_property (reader, record, child, filled))
      return FALSE;
  return TRUE;
}

/* The child elements of @node but @skip: what becomes properties of its record. */
static GPtrArray *
list_property_elements (xmlNode    *node,
                        const char *skip)
{
  GPtrArray *elements = g_ptr_array_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && (skip == NULL || !is_gpx (child, skip)))
      g_ptr_array_add (elements, child);
  return elements;
}

/* One element as a property of @record: mapped, or kept as a claim. */
static gboolean
read_element (GpxReader   *reader,
              AtlasRecord *record,
              xmlNode     *element,
              guint       *filled)
{
  if (is_gpx (element, "extensions"))
    return read_extensions (reader, record, element, filled);
  return read_property (reader, record, element, filled);
}

static gboolean
read_elements (GpxReader   *reader,
               AtlasRecord *record,
               GPtrArray   *elements,
               guint       *filled)
{
  for (guint i = 0; i < elements->len; i++)
    if (!read_element (reader, record, g_ptr_array_index (elements, i), filled))
      return FALSE;
  return TRUE;
}

/* Every child element but @skip becomes a property of @record. */
static gboolean
read_children (GpxReader   *reader,
               AtlasRecord *record,
               xmlNode     *node,
               const char  *skip)
{
  g_autoptr(GPtrArray) elements = list_property_elements (node, skip);
  guint filled = 0;

  return read_elements (reader, record, elements, &filled);
}

static void
read_waypoint (GpxReader *reader,
               xmlNode   *wpt)
{
  double latitude, longitude;
  AtlasRecord *incident;

  atlas_import_batch_set_position (reader->batch, atlas_safe_xml_line (wpt), 0);
  if (!read_point (reader, wpt, &latitude, &longitude))
    return;

  atlas_import_batch_begin_item (reader->batch);
  incident = atlas_import_batch_add_incident (reader->batch);
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", longitude);
  atlas_record_set_text (incident, "location_precision", "exact");
  if (!read_children (reader, incident, wpt, NULL))
    atlas_import_batch_discard_item (reader->batch);
}

static gboolean
add_route_point (GpxReader   *reader,
                 AtlasRecord *route,
                 xmlNode     *point,
                 gint64       seq)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *time = NULL;
  g_autofree char *name = NULL;
  double latitude, longitude;
  AtlasRecord *waypoint;

  atlas_import_batch_set_position (reader->batch, atlas_safe_xml_line (point), 0);
  if (!read_point (reader, point, &latitude, &longitude))
    return FALSE;
  waypoint = atlas_import_batch_add_waypoint (reader->batch, route, seq, latitude, longitude);
  atlas_record_set_text (waypoint, "location_precision", "exact");

  time = atlas_safe_xml_child_text (point, "time", gpx_namespaces, &error);
  if (error == NULL)
    name = atlas_safe_xml_child_text (point, "name", gpx_namespaces, &error);
  if (error != NULL)
    {
      atlas_import_batch_add_problem (reader->batch, "%s", error->message);
      return FALSE;
    }
  atlas_record_set_text (waypoint, "place", name);
  return time == NULL
         || atlas_import_batch_set_date (reader->batch, waypoint, "date", "date_precision", time);
}

/* ---- routes and tracks, walked as a stream ------------------------------------------ */

/* A route being read: rte, or one segment of a trk. */
typedef struct {
  AtlasRecord *record;
  gint64       n_points;
  guint        filled;
  gboolean     failed;
} Route;

/* On the first child element of the element the stream is on (*inside), or past it. */
static gboolean
enter_element (GpxReader  *reader,
               int        *depth,
               gboolean   *inside,
               GError    **error)
{
  gboolean more;

  *depth = atlas_xml_stream_get_depth (reader->stream);
  if (atlas_xml_stream_is_empty (reader->stream))
    {
      *inside = FALSE;
      return atlas_xml_stream_skip (reader->stream, &more, error);
    }
  if (!atlas_xml_stream_next (reader->stream, &more, error))
    return FALSE;
  *inside = atlas_xml_stream_is_within (reader->stream, *depth);
  return TRUE;
}

/* Past the child the stream is on, to the next one (*inside) or past their parent. */
static gboolean
next_child (GpxReader  *reader,
            int         depth,
            gboolean   *inside,
            GError    **error)
{
  gboolean more;

  if (!atlas_xml_stream_skip (reader->stream, &more, error))
    return FALSE;
  *inside = atlas_xml_stream_is_within (reader->stream, depth);
  return TRUE;
}

static void
begin_route (GpxReader *reader,
             Route     *route,
             GPtrArray *owned)
{
  atlas_import_batch_set_position (reader->batch, atlas_xml_stream_get_line (reader->stream), 0);
  atlas_import_batch_begin_item (reader->batch);
  route->record = atlas_import_batch_add_route (reader->batch);
  route->n_points = 0;
  route->filled = 0;
  route->failed = owned != NULL && !read_elements (reader, route->record, owned, &route->filled);
}

/* Whether the route made it: one that failed halfway is dropped whole. */
static gboolean
end_route (GpxReader *reader,
           Route     *route)
{
  if (route->failed)
    atlas_import_batch_discard_item (reader->batch);
  return !route->failed;
}

static gboolean
read_route_point (GpxReader  *reader,
                  Route      *route,
                  GError    **error)
{
  xmlNode *point = atlas_xml_stream_expand (reader->stream, error);

  if (point == NULL)
    return FALSE;
  if (route->n_points == ATLAS_IMPORT_MAX_VERTICES)
    {
      atlas_import_batch_add_problem (reader->batch, _("the line has more than %u points"),
                                      ATLAS_IMPORT_MAX_VERTICES);
      route->failed = TRUE;
      return TRUE;
    }
  route->failed = !add_route_point (reader, route->record, point, ++route->n_points);
  return TRUE;
}

/* An element of the route's own (name, desc…): a property of its record. */
static gboolean
read_route_element (GpxReader  *reader,
                    Route      *route,
                    GError    **error)
{
  xmlNode *element = atlas_xml_stream_expand (reader->stream, error);

  if (element == NULL)
    return FALSE;
  route->failed = !read_element (reader, route->record, element, &route->filled);
  return TRUE;
}

/* The points of an rte, or of a trkseg; an rte's other elements are its properties, a
 * trkseg's are not read. Leaves the stream past the element. */
static gboolean
read_route_children (GpxReader   *reader,
                     Route       *route,
                     const char  *point_name,
                     gboolean     owns_elements,
                     GError     **error)
{
  gboolean inside;
  int depth;

  if (!enter_element (reader, &depth, &inside, error))
    return FALSE;
  while (inside)
    {
      gboolean ok = TRUE;

      if (route->failed)
        ;
      else if (atlas_xml_stream_is (reader->stream, point_name, gpx_namespaces))
        ok = read_route_point (reader, route, error);
      else if (owns_elements)
        ok = read_route_element (reader, route, error);
      if (!ok || !next_child (reader, depth, &inside, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_rte (GpxReader  *reader,
          GError    **error)
{
  Route route = { NULL, };

  begin_route (reader, &route, NULL);
  if (!read_route_children (reader, &route, "rtept", TRUE, error))
    return FALSE;
  end_route (reader, &route);
  return TRUE;
}

/* Translators: a GPX track's name and the number of one of its segments */
static void
name_segment (AtlasRecord *route,
              guint        segment)
{
  g_autofree char *name = g_strdup_printf (_("%s (segment %u)"),
                                           atlas_record_get_text (route, "name"), segment);

  atlas_record_set_text (route, "name", name);
}

/* Each trkseg of a trk is a route with the track's own elements, which come before the
 * segments. Whether there is more than one, and so whether the first is numbered, is known
 * at the second: the first route is then still the batch's latest item. */
static gboolean
read_trk_segment (GpxReader   *reader,
                  GPtrArray   *owned,
                  guint        segment,
                  AtlasRecord **first,
                  GError     **error)
{
  Route route = { NULL, };

  if (segment == 2 && *first != NULL)
    name_segment (*first, 1);
  begin_route (reader, &route, owned);
  if (!read_route_children (reader, &route, "trkpt", FALSE, error))
    return FALSE;
  if (!end_route (reader, &route))
    return TRUE;
  if (segment == 1)
    *first = route.record;
  else
    name_segment (route.record, segment);
  return TRUE;
}

/* Every segment of a track takes the track's own elements: a track with more than a CSV
 * row has fields would make that quadratic, so the rest of it is skipped, and said so. */
static gboolean
skip_track (GpxReader  *reader,
            int         depth,
            GError    **error)
{
  gboolean inside = TRUE;

  atlas_import_batch_set_position (reader->batch, atlas_xml_stream_get_line (reader->stream), 0);
  atlas_import_batch_add_problem (reader->batch,
                                  _("the track has more than %u elements of its own; the "
                                    "rest of it is skipped"), ATLAS_IMPORT_MAX_FIELDS);
  while (inside)
    if (!next_child (reader, depth, &inside, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_trk (GpxReader  *reader,
          GError    **error)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeNode);
  AtlasRecord *first = NULL;
  guint segment = 0;
  gboolean inside;
  int depth;

  if (!enter_element (reader, &depth, &inside, error))
    return FALSE;
  while (inside)
    {
      xmlNode *element;

      if (atlas_xml_stream_is (reader->stream, "trkseg", gpx_namespaces))
        {
          if (!read_trk_segment (reader, owned, ++segment, &first, error))
            return FALSE;
          inside = atlas_xml_stream_is_within (reader->stream, depth);
          continue;
        }
      if (owned->len == ATLAS_IMPORT_MAX_FIELDS)
        return skip_track (reader, depth, error);
      if ((element = atlas_xml_stream_expand (reader->stream, error)) == NULL)
        return FALSE;
      g_ptr_array_add (owned, xmlCopyNode (element, 1));
      if (!next_child (reader, depth, &inside, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_wpt (GpxReader  *reader,
          GError    **error)
{
  xmlNode *wpt = atlas_xml_stream_expand (reader->stream, error);
  gboolean more;

  if (wpt == NULL)
    return FALSE;
  read_waypoint (reader, wpt);
  return atlas_xml_stream_skip (reader->stream, &more, error);
}

static gboolean
report_progress (GpxReader  *reader,
                 GError    **error)
{
  if (++reader->n_items % ITEMS_PER_PROGRESS != 0)
    return TRUE;
  return atlas_import_batch_progress (reader->batch,
                                      atlas_xml_stream_get_fraction (reader->stream), error);
}

/* One child of <gpx>; leaves the stream past it. */
static gboolean
read_item (GpxReader  *reader,
           GError    **error)
{
  gboolean more;

  if (atlas_xml_stream_is (reader->stream, "wpt", gpx_namespaces))
    return read_wpt (reader, error) && report_progress (reader, error);
  if (atlas_xml_stream_is (reader->stream, "rte", gpx_namespaces))
    return read_rte (reader, error) && report_progress (reader, error);
  if (atlas_xml_stream_is (reader->stream, "trk", gpx_namespaces))
    return read_trk (reader, error) && report_progress (reader, error);
  return atlas_xml_stream_skip (reader->stream, &more, error);
}

static gboolean
read_gpx (GpxReader  *reader,
          GError    **error)
{
  gboolean more, inside;
  int depth;

  if (!atlas_xml_stream_next (reader->stream, &more, error))
    return FALSE;
  if (!more || !atlas_xml_stream_is (reader->stream, "gpx", gpx_namespaces))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("it is XML but not GPX"));
      return FALSE;
    }
  if (!enter_element (reader, &depth, &inside, error))
    return FALSE;
  while (inside)
    {
      if (!read_item (reader, error))
        return FALSE;
      inside = atlas_xml_stream_is_within (reader->stream, depth);
    }
  return atlas_import_batch_progress (reader->batch, 1.0, error);
}

/**
 * atlas_gpx_reader_read:
 *
 * Reads a GPX document into @batch, one waypoint, route point or track point at a time;
 * waypoints, routes and segments that cannot be read become problems naming their line.
 *
 * Returns: %FALSE when the file is refused (not well-formed, unsafe, not GPX) or cancelled
 */
gboolean
atlas_gpx_reader_read (const char        *data,
                       gsize              length,
                       AtlasImportBatch  *batch,
                       GError           **error)
{
  g_autoptr(AtlasXmlStream) stream = NULL;
  GpxReader reader = { batch, NULL, 0 };

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (batch), FALSE);

  if ((stream = atlas_xml_stream_new (data, length, error)) == NULL)
    return FALSE;
  reader.stream = stream;
  return read_gpx (&reader, error);
}
