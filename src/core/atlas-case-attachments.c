/* atlas-case-attachments.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Archived copies of sources, kept in the case file: a file read into a record an edit can
 * add (what it is told from its bytes, not its name), the copies of a source, and a copy
 * written out for the desktop's viewer.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-attachment.h"
#include "atlas-case-private.h"

/* What an archived copy is, from its first bytes, not its name: a PDF, an image, a web page
 * or a plain text. Anything else (a program, an archive) is not archived: %NULL. */
static const char *
sniff_media_type (GBytes *content)
{
  static const struct {
    const char *magic;
    gsize       length;
    gsize       offset;
    const char *media_type;
  } signatures[] = {
    { "%PDF-", 5, 0, "application/pdf" },
    { "\x89PNG\r\n\x1a\n", 8, 0, "image/png" },
    { "\xff\xd8\xff", 3, 0, "image/jpeg" },
    { "GIF87a", 6, 0, "image/gif" },
    { "GIF89a", 6, 0, "image/gif" },
    { "WEBP", 4, 8, "image/webp" },
    { "II*\0", 4, 0, "image/tiff" },
    { "MM\0*", 4, 0, "image/tiff" },
  };
  gsize size;
  const char *data = g_bytes_get_data (content, &size);
  g_autofree char *head = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (size >= signatures[i].offset + signatures[i].length
        && memcmp (data + signatures[i].offset, signatures[i].magic, signatures[i].length) == 0)
      return signatures[i].media_type;

  /* text: valid UTF-8 without NUL bytes; a web page if it says so near the start */
  if (memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    return NULL;
  head = g_ascii_strdown (data, MIN (size, 1024));
  if (strstr (head, "<!doctype html") != NULL || strstr (head, "<html") != NULL)
    return "text/html";
  return "text/plain";
}

/**
 * atlas_case_build_attachment:
 * @document_key: the source the file is an archived copy of
 *
 * Reads @file (a PDF, a web page, an image or a text, at most 50 MiB) into an attachment
 * record, ready for an edit to add, with its media type, size and SHA-256.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error naming the file
 */
AtlasRecord *
atlas_case_build_attachment (AtlasCase   *self,
                             const char  *document_key,
                             GFile       *file,
                             GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *key = NULL;
  const char *media_type;
  g_autofree char *digest = NULL;
  g_autofree char *added = NULL;
  AtlasRecord *attachment;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (info == NULL)
    return NULL;
  /* a FIFO or a device would never end */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("“%s” is not a regular file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > ATLAS_CASE_MAX_ATTACHMENT_BYTES)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("“%s” is larger than 50 MiB, the most an archived copy may be"), name);
      return NULL;
    }
  if ((content = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
    return NULL;
  if (g_bytes_get_size (content) > ATLAS_CASE_MAX_ATTACHMENT_BYTES)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("“%s” grew past 50 MiB while it was read"), name);
      return NULL;
    }
  if ((media_type = sniff_media_type (content)) == NULL)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("“%s” is neither a PDF, a web page, an image nor a text, which is what "
                     "an archived copy may be"), name);
      return NULL;
    }

  key = atlas_case_new_key (self, "attachment");
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  added = g_date_time_format_iso8601 (now);
  attachment = ATLAS_RECORD (atlas_attachment_new (key));
  atlas_record_set_text (attachment, "document_key", document_key);
  atlas_record_set_text (attachment, "name", basename);
  atlas_record_set_text (attachment, "media_type", media_type);
  atlas_record_set_int (attachment, "size", (gint64) g_bytes_get_size (content));
  atlas_record_set_text (attachment, "sha256", digest);
  atlas_record_set_text (attachment, "added", added);
  atlas_attachment_set_content (ATLAS_ATTACHMENT (attachment), content);
  return attachment;
}

/* A file name safe to put in a temporary file's name: no folders, no leading dot. */
static char *
dup_safe_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name && *name ? name : "copy");
  GString *safe = g_string_new (NULL);

  for (const char *p = base; *p != '\0' && safe->len < 80; p++)
    g_string_append_c (safe, g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_'
                             ? *p : '_');
  if (safe->len == 0 || safe->str[0] == '.')
    g_string_prepend_c (safe, '_');
  return g_string_free (safe, FALSE);
}

/**
 * atlas_case_open_attachment_copy:
 *
 * Writes an archived copy, checked against its SHA-256, to a new read-only file in the
 * user's temporary folder, for a viewer to open: never a path inside the case.
 *
 * Returns: (transfer full) (nullable): the file written
 */
GFile *
atlas_case_open_attachment_copy (AtlasCase   *self,
                                 const char  *key,
                                 GError     **error)
{
  g_autoptr(AtlasRecord) attachment = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *template = NULL;
  g_autofree char *path = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  attachment = _atlas_case_read_exact (self, ATLAS_TYPE_ATTACHMENT, key, error);
  if (attachment == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                     _("the case holds no archived copy “%s”"), key);
      return NULL;
    }
  content = g_bytes_ref (atlas_attachment_get_content (ATLAS_ATTACHMENT (attachment)));
  name = dup_safe_name (atlas_record_get_text (attachment, "name"));
  template = g_strconcat ("incident-atlas-XXXXXX-", name, NULL);
  if ((file = g_file_new_tmp (template, &stream, error)) == NULL)
    return NULL;
  data = g_bytes_get_data (content, &size);
  if (!g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)), data,
                                  size, NULL, NULL, error)
      || !g_io_stream_close (G_IO_STREAM (stream), NULL, error))
    {
      g_file_delete (file, NULL, NULL);
      return NULL;
    }
  /* the viewer reads it; nothing should change it there and pass it off as the source */
  path = g_file_get_path (file);
  g_chmod (path, 0400);
  return g_steal_pointer (&file);
}

/**
 * atlas_case_list_attachments:
 *
 * Returns: (transfer full): the archived copies of a source, oldest first, without their
 *   bytes
 */
GListModel *
atlas_case_list_attachments (AtlasCase   *self,
                             const char  *document_key,
                             GError     **error)
{
  const char *values[] = { document_key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  return _atlas_case_query (self, ATLAS_TYPE_ATTACHMENT, "WHERE document_key = ? ORDER BY id",
                            values, error);
}
