/* atlas-attachment.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An analyst's archived copy of a source (a PDF, a web page, an image or a text), kept in the
 * case file with its SHA-256 so the case travels with its evidence. Its bytes are not a
 * field: lists of attachments do not read them; atlas_case_dup_attachment_content() does.
 */

#include "config.h"

#include "atlas-attachment.h"

struct _AtlasAttachment
{
  AtlasRecord parent_instance;

  char   *document_key;
  char   *name;
  char   *media_type;
  gint64  size;
  char   *sha256;
  char   *added;

  GBytes *content;     /* nullable: only when the record is to be written */
};

G_DEFINE_FINAL_TYPE (AtlasAttachment, atlas_attachment, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "document_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasAttachment, document_key) },
  { "name", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasAttachment, name) },
  { "media_type", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasAttachment, media_type) },
  { "size", ATLAS_FIELD_INT, G_STRUCT_OFFSET (AtlasAttachment, size) },
  { "sha256", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasAttachment, sha256) },
  { "added", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasAttachment, added) },
};

static void
atlas_attachment_dup_extra (AtlasRecord *from,
                            AtlasRecord *to)
{
  atlas_attachment_set_content (ATLAS_ATTACHMENT (to),
                                atlas_attachment_get_content (ATLAS_ATTACHMENT (from)));
}

static void
atlas_attachment_finalize (GObject *object)
{
  g_clear_pointer (&ATLAS_ATTACHMENT (object)->content, g_bytes_unref);

  G_OBJECT_CLASS (atlas_attachment_parent_class)->finalize (object);
}

static void
atlas_attachment_class_init (AtlasAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_attachment_finalize;
  ATLAS_RECORD_CLASS (klass)->dup_extra = atlas_attachment_dup_extra;
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "attachments", "attachment",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_attachment_init (AtlasAttachment *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasAttachment *
atlas_attachment_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_ATTACHMENT, "key", key, NULL);
}

/* Returns: (transfer none) (nullable): the archived bytes, when this record carries them */
GBytes *
atlas_attachment_get_content (AtlasAttachment *self)
{
  g_return_val_if_fail (ATLAS_IS_ATTACHMENT (self), NULL);
  return self->content;
}

void
atlas_attachment_set_content (AtlasAttachment *self,
                              GBytes          *content)
{
  g_return_if_fail (ATLAS_IS_ATTACHMENT (self));

  if (content != NULL)
    g_bytes_ref (content);
  g_clear_pointer (&self->content, g_bytes_unref);
  self->content = content;
}
