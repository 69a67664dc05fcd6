/* atlas-xml-stream.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2's xmlTextReader over a file in memory, set up as atlas-safe-xml.c sets up its
 * parser (no entities, no DTD, no network, libxml2's own depth and size limits). A reader
 * walks the elements; the one it wants is expanded into a small tree, read, and freed as
 * the walk goes on, so memory follows the largest element read, not the file: a whole
 * document tree takes 30–40 times the size of a KML file.
 *
 * Errors go to a handler of our own, never to stderr: libxml2's messages quote the file.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "atlas-import-error.h"
#include "atlas-safe-xml.h"
#include "atlas-xml-stream.h"

struct _AtlasXmlStream {
  xmlTextReader          *reader;
  const char             *data;
  gsize                   length;
  gboolean                ended;

  /* the first error libxml2 reported; or only that it failed to convert the text from
   * the encoding it declares, which it says through its generic handler */
  int                     error_line;
  char                   *error_message;
  gboolean                generic_error;

  /* this thread's libxml2 handlers, put back when done */
  xmlGenericErrorFunc     saved_generic;
  void                   *saved_generic_context;
  xmlStructuredErrorFunc  saved_structured;
  void                   *saved_structured_context;
};

static void
keep_first_error (void       *user_data,
                  xmlErrorPtr error)
{
  AtlasXmlStream *self = user_data;

  if (self->error_message != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  self->error_line = error->line;
  self->error_message = g_strdup (error->message != NULL ? error->message : "");
}

static void
note_generic_error (void       *context,
                    const char *format,
                    ...)
{
  AtlasXmlStream *self = context;

  self->generic_error = TRUE;
}

static void
ignore_structured_error (void       *user_data,
                         xmlErrorPtr error)
{
}

/* libxml2 writes some errors (before a reader exists, or about encodings) through this
 * thread's global handlers; they are silenced while the stream lives. */
static void
silence_libxml (AtlasXmlStream *self)
{
  self->saved_generic = xmlGenericError;
  self->saved_generic_context = xmlGenericErrorContext;
  self->saved_structured = xmlStructuredError;
  self->saved_structured_context = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (self, note_generic_error);
  xmlSetStructuredErrorFunc (NULL, ignore_structured_error);
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

/**
 * atlas_xml_stream_new:
 *
 * Returns: (transfer full) (nullable): a stream before the first node; %NULL when the
 *   prolog is refused (see atlas_safe_xml_check_prolog())
 */
AtlasXmlStream *
atlas_xml_stream_new (const char  *data,
                      gsize        length,
                      GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  AtlasXmlStream *self;

  g_once (&once, init_libxml, NULL);
  if (length > G_MAXINT)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_LARGE,
                   _("it is too large to read as XML"));
      return NULL;
    }
  if (!atlas_safe_xml_check_prolog (data, length, error))
    return NULL;

  self = g_new0 (AtlasXmlStream, 1);
  self->data = data;
  self->length = length;
  silence_libxml (self);
  self->reader = xmlReaderForMemory (data, (int) length, NULL, NULL, ATLAS_SAFE_XML_OPTIONS);
  if (self->reader == NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("it is not well-formed XML"));
      atlas_xml_stream_free (self);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (self->reader, keep_first_error, self);
  return self;
}

void
atlas_xml_stream_free (AtlasXmlStream *self)
{
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  xmlSetGenericErrorFunc (self->saved_generic_context, self->saved_generic);
  xmlSetStructuredErrorFunc (self->saved_structured_context, self->saved_structured);
  g_free (self->error_message);
  g_free (self);
}

/* The line of the last character that is not a space. */
static int
last_text_line (AtlasXmlStream *self)
{
  gsize end = self->length;
  int line = 1;

  while (end > 0 && g_ascii_isspace (self->data[end - 1]))
    end--;
  for (const char *p = self->data; (p = memchr (p, '\n', end - (gsize) (p - self->data)));
       p++)
    line++;
  return line;
}

static gboolean
set_read_error (AtlasXmlStream  *self,
                GError         **error)
{
  /* The reader meets a file cut short at its very end, past a last line break: the line
   * people look for is the one cut. */
  int line = self->error_line;

  if (self->error_message == NULL && self->generic_error)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
                   _("its text is not valid in the encoding it declares"));
      return FALSE;
    }
  if (line > 1)
    line = MIN (line, last_text_line (self));
  atlas_safe_xml_set_parse_error (line, self->error_message, error);
  return FALSE;
}

/* A DOCTYPE that declares entities: atlas_safe_xml_check_prolog() looks for the words,
 * this for what libxml2 read. */
static gboolean
check_doctype (AtlasXmlStream  *self,
               GError         **error)
{
  xmlDoc *doc = xmlTextReaderCurrentDoc (self->reader);

  if (doc == NULL || !atlas_safe_xml_declares_entities (doc))
    return TRUE;
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNSAFE,
               _("its DOCTYPE declares entities or an external DTD, which are refused "
                 "for safety"));
  return FALSE;
}

/* From the node the reader is on (already read when @read is FALSE) to the next element
 * that starts. */
static gboolean
to_element (AtlasXmlStream  *self,
            gboolean         read,
            gboolean        *more,
            GError         **error)
{
  for (;;)
    {
      int type, result = read ? xmlTextReaderRead (self->reader) : 1;

      read = TRUE;
      if (result < 0 || self->error_message != NULL)
        return set_read_error (self, error);
      *more = result == 1;
      self->ended = !*more;
      if (!*more)
        return TRUE;
      type = xmlTextReaderNodeType (self->reader);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE && !check_doctype (self, error))
        return FALSE;
      if (type == XML_READER_TYPE_ELEMENT)
        return TRUE;
    }
}

/**
 * atlas_xml_stream_next:
 * @more: (out): %FALSE at the end of the document
 *
 * Goes to the next element that starts, the current one's first child if it has any.
 */
gboolean
atlas_xml_stream_next (AtlasXmlStream  *self,
                       gboolean        *more,
                       GError         **error)
{
  return to_element (self, TRUE, more, error);
}

/**
 * atlas_xml_stream_skip:
 * @more: (out): %FALSE at the end of the document
 *
 * Goes past the current element and all it holds, to the next element that starts.
 */
gboolean
atlas_xml_stream_skip (AtlasXmlStream  *self,
                       gboolean        *more,
                       GError         **error)
{
  int result = xmlTextReaderNext (self->reader);

  if (result < 0 || self->error_message != NULL)
    return set_read_error (self, error);
  *more = result == 1;
  self->ended = !*more;
  return !*more || to_element (self, FALSE, more, error);
}

/**
 * atlas_xml_stream_expand:
 *
 * Reads the whole of the current element. Go on with atlas_xml_stream_skip(): the tree is
 * freed as the stream goes past it.
 *
 * Returns: (transfer none) (nullable): the element as a tree
 */
xmlNode *
atlas_xml_stream_expand (AtlasXmlStream  *self,
                         GError         **error)
{
  xmlNode *node = xmlTextReaderExpand (self->reader);

  if (node == NULL || self->error_message != NULL)
    {
      set_read_error (self, error);
      return NULL;
    }
  return node;
}

/**
 * atlas_xml_stream_is:
 *
 * Like atlas_safe_xml_is(), for the element the stream is on.
 */
gboolean
atlas_xml_stream_is (AtlasXmlStream     *self,
                     const char         *name,
                     const char * const *namespaces)
{
  return atlas_safe_xml_is (xmlTextReaderCurrentNode (self->reader), name, namespaces);
}

const char *
atlas_xml_stream_get_name (AtlasXmlStream *self)
{
  return (const char *) xmlTextReaderConstLocalName (self->reader);
}

int
atlas_xml_stream_get_depth (AtlasXmlStream *self)
{
  return xmlTextReaderDepth (self->reader);
}

/**
 * atlas_xml_stream_is_within:
 *
 * Returns: %TRUE when the stream is on an element deeper than @depth: inside the element
 *   at @depth it walks
 */
gboolean
atlas_xml_stream_is_within (AtlasXmlStream *self,
                            int             depth)
{
  return !self->ended && xmlTextReaderDepth (self->reader) > depth;
}

/* <a/>: an element that holds nothing, and has no end of its own to be read. */
gboolean
atlas_xml_stream_is_empty (AtlasXmlStream *self)
{
  return xmlTextReaderIsEmptyElement (self->reader) == 1;
}

/**
 * atlas_xml_stream_get_attribute:
 *
 * Returns: (transfer full) (nullable): the attribute's value on the current element
 */
char *
atlas_xml_stream_get_attribute (AtlasXmlStream *self,
                                const char     *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (self->reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

guint
atlas_xml_stream_get_line (AtlasXmlStream *self)
{
  return atlas_safe_xml_line (xmlTextReaderCurrentNode (self->reader));
}

/**
 * atlas_xml_stream_get_fraction:
 *
 * Returns: how much of the file has been read, 0…1
 */
double
atlas_xml_stream_get_fraction (AtlasXmlStream *self)
{
  long consumed = xmlTextReaderByteConsumed (self->reader);

  return self->length > 0 ? CLAMP ((double) consumed / (double) self->length, 0.0, 1.0) : 1.0;
}
