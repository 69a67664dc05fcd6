/* atlas-kml-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads KML 2.2 as Google Earth and GDAL write it: placemarks in nested documents and
 * folders, with names, descriptions, TimeStamp and TimeSpan, extended data, and a Point (an
 * incident) or a LineString (a route with its vertices as waypoints). Other geometries are
 * reported as unsupported, and overlays and network links (which are never fetched) as
 * skipped. The file is walked as a stream (atlas-xml-stream.c): each placemark is a small
 * tree while it is read, so memory follows the largest placemark, not the file.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-import-error.h"
#include "atlas-import-limits.h"
#include "atlas-import-values.h"
#include "atlas-kml-reader.h"
#include "atlas-safe-xml.h"
#include "atlas-xml-stream.h"

#define PLACEMARKS_PER_PROGRESS 1000

/* The text of a whole coordinate list may be long: the vertex limit bounds it instead. */
#define MAX_COORDINATES_TEXT ((gsize) 64 << 20)

static const char * const kml_namespaces[] = {
  "http://www.opengis.net/kml/2.2",
  "http://earth.google.com/kml/2.2",
  "http://earth.google.com/kml/2.1",
  "http://earth.google.com/kml/2.0",
  NULL
};

static const char * const unsupported_geometries[] = {
  "MultiGeometry", "Polygon", "LinearRing", "Model", "Track", "MultiTrack", NULL
};

/* What KML holds beside placemarks that is not imported; each one is a problem of the
 * import, so the report counts them. */
static const char * const skipped_features[] = {
  "NetworkLink", "GroundOverlay", "ScreenOverlay", "PhotoOverlay", "Tour", NULL
};

/* A Document or Folder being walked: placemarks in it are given its path. */
typedef struct {
  int       depth;
  char     *path;
  gboolean  named;
} Container;

typedef struct {
  AtlasImportBatch *batch;
  AtlasXmlStream   *stream;
  GArray           *containers;
  guint             n_placemarks;
} KmlReader;

static gboolean
is_kml (xmlNode    *node,
        const char *name)
{
  return atlas_safe_xml_is (node, name, kml_namespaces);
}

static char *
child_text (KmlReader  *reader,
            xmlNode    *parent,
            const char *name,
            gboolean   *ok)
{
  g_autoptr(GError) error = NULL;
  char *text = atlas_safe_xml_child_text (parent, name, kml_namespaces, &error);

  if (error != NULL)
    {
      atlas_import_batch_add_problem (reader->batch, "%s", error->message);
      *ok = FALSE;
    }
  return text;
}

/* "lon,lat[,alt] lon,lat[,alt] …" into latitude, longitude pairs. */
static GArray *
parse_coordinates (char     *text,
                   gboolean  is_line,
                   GError  **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) tuples = g_strsplit_set (text, " \t\r\n", -1);

  for (guint i = 0; tuples[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      double pair[2];

      if (*tuples[i] == '\0')
        continue;
      if (points->len / 2 == ATLAS_IMPORT_MAX_VERTICES)
        {
          g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_LARGE,
                       _("the line has more than %u vertices"), ATLAS_IMPORT_MAX_VERTICES);
          return NULL;
        }
      parts = g_strsplit (tuples[i], ",", 4);
      if (!atlas_import_parse_coordinate (parts[0] ? parts[1] : NULL, parts[0], &pair[0],
                                          &pair[1], error))
        {
          if (is_line)
            g_prefix_error (error, _("vertex %u: "), points->len / 2 + 1);
          return NULL;
        }
      g_array_append_vals (points, pair, 2);
    }
  if (points->len == 0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("empty coordinates"));
      return NULL;
    }
  return g_steal_pointer (&points);
}

static GArray *
read_geometry_points (KmlReader *reader,
                      xmlNode   *geometry,
                      gboolean   is_line)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  xmlNode *coordinates = atlas_safe_xml_child (geometry, "coordinates", kml_namespaces);
  GArray *points = NULL;

  if (coordinates == NULL)
    g_set_error (&error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                 _("empty coordinates"));
  else if ((text = atlas_safe_xml_text (coordinates, MAX_COORDINATES_TEXT, &error)) != NULL)
    points = parse_coordinates (text, is_line, &error);

  if (points == NULL)
    atlas_import_batch_add_problem (reader->batch, "%s", error->message);
  return points;
}

static AtlasRecord *
add_point (KmlReader *reader,
           xmlNode   *point)
{
  g_autoptr(GArray) points = read_geometry_points (reader, point, FALSE);
  AtlasRecord *incident;

  if (points == NULL)
    return NULL;
  incident = atlas_import_batch_add_incident (reader->batch);
  atlas_record_set_double (incident, "latitude", g_array_index (points, double, 0));
  atlas_record_set_double (incident, "longitude", g_array_index (points, double, 1));
  return incident;
}

static AtlasRecord *
add_line (KmlReader *reader,
          xmlNode   *line)
{
  g_autoptr(GArray) points = read_geometry_points (reader, line, TRUE);
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
add_geometry (KmlReader *reader,
              xmlNode   *placemark)
{
  xmlNode *geometry;

  if ((geometry = atlas_safe_xml_child (placemark, "Point", kml_namespaces)) != NULL)
    return add_point (reader, geometry);
  if ((geometry = atlas_safe_xml_child (placemark, "LineString", kml_namespaces)) != NULL)
    return add_line (reader, geometry);

  for (xmlNode *child = placemark->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE
        && g_strv_contains (unsupported_geometries, (const char *) child->name))
      {
        atlas_import_batch_add_problem (reader->batch,
                                        _("geometry type “%s” is not supported (only Point "
                                          "and LineString)"), (const char *) child->name);
        return NULL;
      }
  atlas_import_batch_add_problem (reader->batch, _("empty coordinates"));
  return NULL;
}

/* name, description and times; the rest of a placemark's data comes from ExtendedData. */
static gboolean
read_basics (KmlReader   *reader,
             AtlasRecord *record,
             xmlNode     *placemark,
             guint       *filled)
{
  static const struct {
    const char *parent;
    const char *element;
    const char *property;
  } basics[] = {
    { NULL, "name", "name" }, { NULL, "description", "description" },
    { "TimeStamp", "when", "when" }, { "TimeSpan", "begin", "start" },
    { "TimeSpan", "end", "end" },
  };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (basics) && ok; i++)
    {
      xmlNode *parent = basics[i].parent == NULL
                        ? placemark
                        : atlas_safe_xml_child (placemark, basics[i].parent, kml_namespaces);
      g_autofree char *text = parent ? child_text (reader, parent, basics[i].element, &ok) : NULL;

      ok = ok && atlas_import_batch_set_property (reader->batch, record, basics[i].property,
                                                  text, filled);
    }
  return ok;
}

static gboolean
read_data_value (KmlReader   *reader,
                 AtlasRecord *record,
                 xmlNode     *data,
                 xmlNode     *value_node,
                 guint       *filled)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  xmlChar *name = xmlGetProp (data, (const xmlChar *) "name");
  gboolean ok;

  text = atlas_safe_xml_text (value_node, ATLAS_IMPORT_MAX_FIELD_SIZE, &error);
  if (text == NULL)
    atlas_import_batch_add_problem (reader->batch, "%s", error->message);
  ok = text != NULL
       && (name == NULL
           || atlas_import_batch_set_property (reader->batch, record, (const char *) name, text,
                                               filled));
  xmlFree (name);
  return ok;
}

/* <Data name="x"><value>…</value></Data> and <SchemaData><SimpleData name="x">…</…> */
static gboolean
read_extended_data (KmlReader   *reader,
                    AtlasRecord *record,
                    xmlNode     *placemark,
                    guint       *filled)
{
  xmlNode *extended = atlas_safe_xml_child (placemark, "ExtendedData", kml_namespaces);

  for (xmlNode *child = extended ? extended->children : NULL; child; child = child->next)
    {
      xmlNode *value;

      if (is_kml (child, "Data")
          && (value = atlas_safe_xml_child (child, "value", kml_namespaces)) != NULL
          && !read_data_value (reader, record, child, value, filled))
        return FALSE;
      if (!is_kml (child, "SchemaData"))
        continue;
      for (xmlNode *simple = child->children; simple != NULL; simple = simple->next)
        if (is_kml (simple, "SimpleData")
            && !read_data_value (reader, record, simple, simple, filled))
          return FALSE;
    }
  return TRUE;
}

static void
read_placemark (KmlReader  *reader,
                xmlNode    *placemark,
                const char *folder)
{
  AtlasRecord *record;
  guint filled = 0;

  atlas_import_batch_set_position (reader->batch, atlas_safe_xml_line (placemark), 0);
  atlas_import_batch_begin_item (reader->batch);
  record = add_geometry (reader, placemark);
  if (record == NULL)
    return;
  if (!read_basics (reader, record, placemark, &filled)
      || !read_extended_data (reader, record, placemark, &filled))
    {
      atlas_import_batch_discard_item (reader->batch);
      return;
    }
  if (folder != NULL && *folder != '\0')
    atlas_import_batch_add_claim (reader->batch, record, "folder", folder, NULL);
}

static gboolean
report_progress (KmlReader  *reader,
                 GError    **error)
{
  if (++reader->n_placemarks % PLACEMARKS_PER_PROGRESS != 0)
    return TRUE;
  return atlas_import_batch_progress (reader->batch,
                                      atlas_xml_stream_get_fraction (reader->stream), error);
}

static void
clear_container (Container *container)
{
  g_free (container->path);
}

static Container *
current_container (KmlReader *reader)
{
  return &g_array_index (reader->containers, Container, reader->containers->len - 1);
}

/* Leaves the containers the stream has walked out of. */
static void
leave_containers (KmlReader *reader,
                  int        depth)
{
  while (reader->containers->len > 1 && current_container (reader)->depth >= depth)
    g_array_set_size (reader->containers, reader->containers->len - 1);
}

static void
enter_container (KmlReader *reader,
                 int        depth)
{
  Container container = { depth, g_strdup (current_container (reader)->path), FALSE };

  g_array_append_val (reader->containers, container);
}

/* A container's <name>, as it comes: the placemarks after it are given the longer path
 * (a name after them, which KML's schema does not allow, names only those after it). */
static gboolean
read_container_name (KmlReader  *reader,
                     GError    **error)
{
  Container *container = current_container (reader);
  xmlNode *name = atlas_xml_stream_expand (reader->stream, error);
  g_autoptr(GError) text_error = NULL;
  g_autofree char *text = NULL;
  char *path;

  if (name == NULL)
    return FALSE;
  container->named = TRUE;
  text = atlas_safe_xml_text (name, ATLAS_IMPORT_MAX_FIELD_SIZE, &text_error);
  if (text == NULL || *text == '\0')
    return TRUE;
  if (container->path == NULL || *container->path == '\0')
    path = g_steal_pointer (&text);
  else
    path = g_strconcat (container->path, " / ", text, NULL);
  g_free (container->path);
  container->path = path;
  return TRUE;
}

static gboolean
read_placemark_here (KmlReader  *reader,
                     GError    **error)
{
  xmlNode *placemark = atlas_xml_stream_expand (reader->stream, error);

  if (placemark == NULL)
    return FALSE;
  read_placemark (reader, placemark, current_container (reader)->path);
  return report_progress (reader, error);
}

static void
count_skipped (KmlReader *reader)
{
  atlas_import_batch_set_position (reader->batch, atlas_xml_stream_get_line (reader->stream), 0);
  atlas_import_batch_add_problem (reader->batch,
                                  _("a %s is not imported: only placemarks are, and a "
                                    "linked file is never fetched"),
                                  atlas_xml_stream_get_name (reader->stream));
}

/* One element of a container: a container is walked into; anything else is read whole or
 * passed over whole. */
static gboolean
read_element (KmlReader  *reader,
              gboolean   *more,
              GError    **error)
{
  AtlasXmlStream *stream = reader->stream;
  Container *container = current_container (reader);

  if (atlas_xml_stream_is (stream, "Document", kml_namespaces)
      || atlas_xml_stream_is (stream, "Folder", kml_namespaces))
    {
      enter_container (reader, atlas_xml_stream_get_depth (stream));
      return atlas_xml_stream_next (stream, more, error);
    }
  if (atlas_xml_stream_is (stream, "name", kml_namespaces) && !container->named)
    {
      if (!read_container_name (reader, error))
        return FALSE;
    }
  else if (atlas_xml_stream_is (stream, "Placemark", kml_namespaces))
    {
      if (!read_placemark_here (reader, error))
        return FALSE;
    }
  else if (g_strv_contains (skipped_features, atlas_xml_stream_get_name (stream)))
    count_skipped (reader);
  return atlas_xml_stream_skip (stream, more, error);
}

static gboolean
read_kml (KmlReader  *reader,
          GError    **error)
{
  Container root = { 0, NULL, TRUE };
  gboolean more;

  if (!atlas_xml_stream_next (reader->stream, &more, error))
    return FALSE;
  if (!more || !atlas_xml_stream_is (reader->stream, "kml", kml_namespaces))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("it is XML but not KML"));
      return FALSE;
    }
  g_array_append_val (reader->containers, root);
  if (!atlas_xml_stream_next (reader->stream, &more, error))
    return FALSE;
  while (more)
    {
      /* Only what sits right in the root or a container is read: the stream is past the
       * rest, which read_element() skips whole. */
      leave_containers (reader, atlas_xml_stream_get_depth (reader->stream));
      if (!read_element (reader, &more, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * atlas_kml_reader_read:
 *
 * Reads a KML document into @batch, one placemark at a time; placemarks that cannot be
 * read become problems naming their line, as do overlays and network links.
 *
 * Returns: %FALSE when the file is refused (not well-formed, unsafe, not KML) or cancelled
 */
gboolean
atlas_kml_reader_read (const char        *data,
                       gsize              length,
                       AtlasImportBatch  *batch,
                       GError           **error)
{
  g_autoptr(AtlasXmlStream) stream = NULL;
  g_autoptr(GArray) containers = g_array_new (FALSE, FALSE, sizeof (Container));
  KmlReader reader = { batch, NULL, containers, 0 };

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (batch), FALSE);

  g_array_set_clear_func (containers, (GDestroyNotify) clear_container);
  if ((stream = atlas_xml_stream_new (data, length, error)) == NULL)
    return FALSE;
  reader.stream = stream;
  return read_kml (&reader, error) && atlas_import_batch_progress (batch, 1.0, error);
}
