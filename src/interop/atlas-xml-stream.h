/* atlas-xml-stream.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An XML file walked element by element with the hardened libxml2 set-up, each element of
 * interest built as a small tree only while it is read.
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

typedef struct _AtlasXmlStream AtlasXmlStream;

AtlasXmlStream *atlas_xml_stream_new          (const char          *data,
                                               gsize                length,
                                               GError             **error);
void            atlas_xml_stream_free         (AtlasXmlStream      *self);
gboolean        atlas_xml_stream_next         (AtlasXmlStream      *self,
                                               gboolean            *more,
                                               GError             **error);
gboolean        atlas_xml_stream_skip         (AtlasXmlStream      *self,
                                               gboolean            *more,
                                               GError             **error);
xmlNode        *atlas_xml_stream_expand       (AtlasXmlStream      *self,
                                               GError             **error);
gboolean        atlas_xml_stream_is           (AtlasXmlStream      *self,
                                               const char          *name,
                                               const char * const  *namespaces);
const char     *atlas_xml_stream_get_name     (AtlasXmlStream      *self);
int             atlas_xml_stream_get_depth    (AtlasXmlStream      *self);
gboolean        atlas_xml_stream_is_within    (AtlasXmlStream      *self,
                                               int                  depth);
gboolean        atlas_xml_stream_is_empty     (AtlasXmlStream      *self);
char           *atlas_xml_stream_get_attribute (AtlasXmlStream     *self,
                                               const char          *name);
guint           atlas_xml_stream_get_line     (AtlasXmlStream      *self);
double          atlas_xml_stream_get_fraction (AtlasXmlStream      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasXmlStream, atlas_xml_stream_free)

G_END_DECLS
