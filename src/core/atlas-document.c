/* atlas-document.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document a fact was read in: a report, a statement, a post, and how reliable its source is graded (Admiralty scale A–F).
 */

#include "config.h"

#include "atlas-document.h"

struct _AtlasDocument
{
  AtlasRecord parent_instance;

  char  *title;
  char  *publisher;
  char  *author;
  char  *url;
  char  *published;
  char  *doc_kind;
  char  *reliability;
  char  *file;
  char  *accessed;
  char  *language;
  char  *reliability_note;
  char  *graded_by;
};

G_DEFINE_FINAL_TYPE (AtlasDocument, atlas_document, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "title", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, title) },
  { "publisher", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, publisher) },
  { "author", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, author) },
  { "url", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, url) },
  { "published", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, published) },
  { "doc_kind", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, doc_kind) },
  { "reliability", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, reliability) },
  { "file", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, file) },
  { "accessed", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, accessed) },
  { "language", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, language) },
  { "reliability_note", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, reliability_note) },
  { "graded_by", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasDocument, graded_by) },
};

static void
atlas_document_class_init (AtlasDocumentClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "documents", "document",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_document_init (AtlasDocument *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasDocument *
atlas_document_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_DOCUMENT, "key", key, NULL);
}

/* typed accessors, one pair per field */
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, title)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, publisher)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, author)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, url)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, published)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, doc_kind)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, reliability)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, file)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, accessed)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, language)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, reliability_note)
ATLAS_RECORD_DEFINE_TEXT (AtlasDocument, atlas_document, graded_by)
