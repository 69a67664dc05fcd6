/* atlas-safe-xml.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 set up for untrusted files, and small helpers to walk what it reads.
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

xmlDoc   *atlas_safe_xml_read       (const char         *data,
                                     gsize               length,
                                     GError            **error);
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
guint     atlas_safe_xml_count_lines (const char        *data,
                                     gsize              length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
