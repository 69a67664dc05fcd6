/* atlas-safe-xml.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 configured for files from anywhere: no entity substitution (XML_PARSE_NOENT reads
 * local files through external entities), no DTD loading, no network, libxml2's own depth
 * and text-size limits kept (no XML_PARSE_HUGE), and documents whose DOCTYPE declares
 * entities or points at an external DTD refused before libxml2 sees them. The readers walk
 * files with atlas-xml-stream.c; the helpers here read the elements it expands.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <string.h>

#include "atlas-import-error.h"
#include "atlas-import-limits.h"
#include "atlas-safe-xml.h"

static gboolean
find_in (const char *start,
         const char *end,
         const char *needle)
{
  return g_strstr_len (start, end - start, needle) != NULL;
}

/* The end of a DOCTYPE declaration: after its internal subset, if it has one. */
static const char *
doctype_end (const char *doctype,
             const char *end)
{
  const char *bracket = memchr (doctype, '[', (gsize) (end - doctype));
  const char *close = memchr (doctype, '>', (gsize) (end - doctype));

  if (bracket != NULL && (close == NULL || bracket < close))
    {
      const char *subset_end = g_strstr_len (bracket, end - bracket, "]");

      close = subset_end ? memchr (subset_end, '>', (gsize) (end - subset_end)) : NULL;
    }
  return close != NULL ? close : end;
}

/**
 * atlas_safe_xml_check_prolog:
 *
 * Refuses UTF-16 and UTF-32 text, and a DOCTYPE that declares entities or names an
 * external DTD, before libxml2 sees them.
 */
gboolean
atlas_safe_xml_check_prolog (const char  *data,
                             gsize        length,
                             GError     **error)
{
  const char *end = data + length;
  const char *doctype = g_strstr_len (data, (gssize) length, "<!DOCTYPE");
  const char *doctype_close;

  if (length >= 2 && (data[0] == '\0' || data[1] == '\0' || (guint8) data[0] >= 0xFE))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
                   _("it is XML in UTF-16 or UTF-32; only UTF-8 is supported"));
      return FALSE;
    }
  if (doctype == NULL)
    return TRUE;

  doctype_close = doctype_end (doctype, end);
  if (find_in (doctype, doctype_close, "<!ENTITY") || find_in (doctype, doctype_close, "SYSTEM")
      || find_in (doctype, doctype_close, "PUBLIC"))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNSAFE,
                   _("its DOCTYPE declares entities or an external DTD, which are refused "
                     "for safety"));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_safe_xml_set_parse_error:
 * @message: (nullable): libxml2's message for the first error
 *
 * Words libxml2's first error for people, with its line.
 */
void
atlas_safe_xml_set_parse_error (int          line,
                                const char  *message,
                                GError     **error)
{
  g_autofree char *stripped = NULL;

  if (message == NULL || *message == '\0')
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("it is not well-formed XML"));
      return;
    }
  stripped = g_strstrip (g_strdup (message));
  if (strstr (stripped, "Excessive depth") != NULL)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_DEEP,
                 _("line %d: it is nested more than %u levels deep"), line,
                 ATLAS_IMPORT_MAX_XML_DEPTH);
  else
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                 _("line %d: it is not well-formed XML: %s"), line, stripped);
}

gboolean
atlas_safe_xml_declares_entities (xmlDoc *doc)
{
  return (doc->intSubset != NULL
          && (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL))
         || doc->extSubset != NULL;
}

/**
 * atlas_safe_xml_is:
 * @namespaces: (array zero-terminated=1): the namespaces @name may be in; an element
 *   without a namespace matches too, as hand-written files often omit it
 */
gboolean
atlas_safe_xml_is (xmlNode            *node,
                   const char         *name,
                   const char * const *namespaces)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE
      || !xmlStrEqual (node->name, (const xmlChar *) name))
    return FALSE;
  if (node->ns == NULL || node->ns->href == NULL)
    return TRUE;
  for (guint i = 0; namespaces[i] != NULL; i++)
    if (xmlStrEqual (node->ns->href, (const xmlChar *) namespaces[i]))
      return TRUE;
  return FALSE;
}

xmlNode *
atlas_safe_xml_child (xmlNode            *parent,
                      const char         *name,
                      const char * const *namespaces)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (atlas_safe_xml_is (child, name, namespaces))
      return child;
  return NULL;
}

/**
 * atlas_safe_xml_text:
 * @max_length: the longest text accepted, in bytes
 *
 * Returns: (transfer full): the text in @node, trimmed; %NULL with an error when longer
 *   than @max_length
 */
char *
atlas_safe_xml_text (xmlNode  *node,
                     gsize     max_length,
                     GError  **error)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text;

  if (content == NULL)
    return g_strdup ("");
  if (strlen ((const char *) content) > max_length)
    {
      g_autofree char *limit = g_format_size_full (max_length, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_LARGE,
                   _("the text of <%s> is longer than %s"), (const char *) node->name, limit);
      xmlFree (content);
      return NULL;
    }
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  return text;
}

/**
 * atlas_safe_xml_child_text:
 *
 * Returns: (transfer full) (nullable): the trimmed text of @parent's first child element
 *   @name; %NULL when there is none, or with an error when its text is over the field limit
 */
char *
atlas_safe_xml_child_text (xmlNode            *parent,
                           const char         *name,
                           const char * const *namespaces,
                           GError            **error)
{
  xmlNode *child = atlas_safe_xml_child (parent, name, namespaces);

  return child != NULL ? atlas_safe_xml_text (child, ATLAS_IMPORT_MAX_FIELD_SIZE, error) : NULL;
}

guint
atlas_safe_xml_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint) line : 0;
}
