/* atlas-safe-xml.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 set up for untrusted files, and small helpers to walk what it reads.
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Never XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID,
 * XML_PARSE_XINCLUDE or XML_PARSE_HUGE. */
#define ATLAS_SAFE_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                                | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

gboolean  atlas_safe_xml_check_prolog (const char       *data,
                                     gsize              length,
                                     GError           **error);
void      atlas_safe_xml_set_parse_error (int            line,
                                     const char        *message,
                                     GError           **error);
gboolean  atlas_safe_xml_declares_entities (xmlDoc     *doc);
gboolean  atlas_safe_xml_is         (xmlNode            *node,
                                     const char         *name,
                                     const char * const *namespaces);
xmlNode  *atlas_safe_xml_child      (xmlNode            *parent,
                                     const char         *name,
                                     const char * const *namespaces);
char     *atlas_safe_xml_text       (xmlNode            *node,
                                     gsize               max_length,
                                     GError            **error);
char     *atlas_safe_xml_child_text (xmlNode            *parent,
                                     const char         *name,
                                     const char * const *namespaces,
                                     GError            **error);
guint     atlas_safe_xml_line       (xmlNode            *node);

G_END_DECLS
