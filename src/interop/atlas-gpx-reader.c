/* atlas-gpx-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads GPX 1.0 and 1.1: waypoints become incidents, routes and track segments become
 * routes with their points as waypoints, and times become dates. A waypoint's other
 * elements (elevation, symbol, comment, simple extensions such as GDAL's fields) are kept
 * as claims; per-point extras of tracks (elevation, speed) are not kept. Parsing goes through the hardened libxml2 set-up.
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

#define ITEMS_PER_PROGRESS 1000

static const char * const gpx_namespaces[] = {
  "http://www.topografix.com/GPX/1/1",
  "http://www.topografix.com/GPX/1/0",
  NULL
};

typedef struct {
  AtlasImportBatch *batch;
  guint             n_lines;
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

/* The child elements of @node but @skip: what becomes properties of its record. A track
 * with many segments lists them once, not once per segment, which was quadratic. */
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

/* Each of @elements becomes a property of @record: mapped, or kept as a claim. */
static gboolean
read_elements (GpxReader   *reader,
               AtlasRecord *record,
               GPtrArray   *elements)
{
  guint filled = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < elements->len && ok; i++)
    {
      xmlNode *child = g_ptr_array_index (elements, i);

      if (is_gpx (child, "extensions"))
        ok = read_extensions (reader, record, child, &filled);
      else
        ok = read_property (reader, record, child, &filled);
    }
  return ok;
}

/* Every child element but @skip becomes a property of @record. */
static gboolean
read_children (GpxReader   *reader,
               AtlasRecord *record,
               xmlNode     *node,
               const char  *skip)
{
  g_autoptr(GPtrArray) elements = list_property_elements (node, skip);

  return read_elements (reader, record, elements);
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

static gboolean
add_route_points (GpxReader   *reader,
                  AtlasRecord *route,
                  xmlNode     *parent,
                  const char  *point_name)
{
  gint64 seq = 0;

  for (xmlNode *point = parent->children; point != NULL; point = point->next)
    {
      if (!is_gpx (point, point_name))
        continue;
      if (seq == ATLAS_IMPORT_MAX_VERTICES)
        {
          atlas_import_batch_add_problem (reader->batch, _("the line has more than %u points"),
                                          ATLAS_IMPORT_MAX_VERTICES);
          return FALSE;
        }
      if (!add_route_point (reader, route, point, ++seq))
        return FALSE;
    }
  return TRUE;
}

/* One route: its own elements (name, desc…) in @owned, its points from @parent. */
static void
read_route (GpxReader  *reader,
            GPtrArray  *owned,
            xmlNode    *parent,
            const char *point_name,
            guint       segment)
{
  AtlasRecord *route;

  atlas_import_batch_set_position (reader->batch, atlas_safe_xml_line (parent), 0);
  atlas_import_batch_begin_item (reader->batch);
  route = atlas_import_batch_add_route (reader->batch);
  if (!read_elements (reader, route, owned)
      || !add_route_points (reader, route, parent, point_name))
    {
      atlas_import_batch_discard_item (reader->batch);
      return;
    }
  if (segment > 0)
    {
      /* Translators: a GPX track's name and the number of one of its segments */
      g_autofree char *name = g_strdup_printf (_("%s (segment %u)"),
                                               atlas_record_get_text (route, "name"), segment);
      atlas_record_set_text (route, "name", name);
    }
}

static void
read_rte (GpxReader *reader,
          xmlNode   *rte)
{
  g_autoptr(GPtrArray) owned = list_property_elements (rte, "rtept");

  read_route (reader, owned, rte, "rtept", 0);
}

static void
read_track (GpxReader *reader,
            xmlNode   *trk)
{
  g_autoptr(GPtrArray) owned = list_property_elements (trk, "trkseg");
  guint n_segments = 0, segment = 0;

  for (xmlNode *child = trk->children; child != NULL; child = child->next)
    n_segments += is_gpx (child, "trkseg");

  for (xmlNode *child = trk->children; child != NULL; child = child->next)
    if (is_gpx (child, "trkseg"))
      read_route (reader, owned, child, "trkpt", n_segments > 1 ? ++segment : 0);
}

static gboolean
report_progress (GpxReader  *reader,
                 xmlNode    *item,
                 GError    **error)
{
  if (++reader->n_items % ITEMS_PER_PROGRESS != 0)
    return TRUE;
  return atlas_import_batch_progress (reader->batch,
                                      (double) atlas_safe_xml_line (item)
                                      / MAX (reader->n_lines, 1), error);
}

static gboolean
read_gpx (GpxReader  *reader,
          xmlNode    *root,
          GError    **error)
{
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_gpx (child, "wpt"))
        read_waypoint (reader, child);
      else if (is_gpx (child, "rte"))
        read_rte (reader, child);
      else if (is_gpx (child, "trk"))
        read_track (reader, child);
      else
        continue;
      if (!report_progress (reader, child, error))
        return FALSE;
    }
  return atlas_import_batch_progress (reader->batch, 1.0, error);
}

/**
 * atlas_gpx_reader_read:
 *
 * Reads a GPX document into @batch; waypoints, routes and segments that cannot be read
 * become problems naming their line.
 *
 * Returns: %FALSE when the file is refused (not well-formed, unsafe, not GPX) or cancelled
 */
gboolean
atlas_gpx_reader_read (const char        *data,
                       gsize              length,
                       AtlasImportBatch  *batch,
                       GError           **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  GpxReader reader = { batch, atlas_safe_xml_count_lines (data, length), 0 };
  xmlNode *root;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (batch), FALSE);

  if ((doc = atlas_safe_xml_read (data, length, error)) == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!is_gpx (root, "gpx"))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("it is XML but not GPX"));
      return FALSE;
    }
  return read_gpx (&reader, root, error);
}
