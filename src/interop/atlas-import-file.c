/* atlas-import-file.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file being imported: only a regular file, opened once, its first bytes looked at to
 * tell its format, then read whole (JSON, XML) or as a stream (CSV), and refused if it
 * changes while it is read. A mapping would be cheaper than reading, but a file that
 * shrinks meanwhile (a sync client, log rotation) kills the process with SIGBUS at the first
 * page past its new end; here a file that changes is an error with a message.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-import-file.h"

/* Reads of a file read whole, between checks for cancellation. */
#define READ_CHUNK (16 << 20)
/* How much of the file's start can be looked at before it is read: enough for any header
 * a CSV file sensibly has. */
#define HEAD_LENGTH (64 << 10)
/* What tells a file read through GIO (not a local path) from the same file changed. */
#define GIO_STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_ETAG_VALUE "," \
                             G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

struct _AtlasImportFile
{
  GFile        *file;
  GInputStream *stream;   /* buffered, from the file's start until it is read */
  int           fd;       /* a local file's, owned by the stream; -1 for one read through GIO */
  struct stat   opened;   /* a local file's, as it was opened */
  guint64       size;
  char         *stamp;
};

static gboolean
set_changed_error (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("it changed while it was being read (another program is writing to it?); "
                 "nothing was imported: try again when it is complete"));
  return FALSE;
}

static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

/* Opens without waiting: opening a pipe for reading waits for a writer, for ever. */
static int
open_regular_file (const char  *path,
                   struct stat *info,
                   GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);

  if (fd < 0)
    {
      set_errno_error (error, errno);
      return -1;
    }
  if (fstat (fd, info) != 0)
    set_errno_error (error, errno);
  else if (S_ISDIR (info->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
  else if (!S_ISREG (info->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("it is not a regular file (it is a pipe, a device or a socket); only "
                   "regular files can be imported"));
  else if (fcntl (fd, F_SETFL, 0) == 0)
    return fd;
  else
    set_errno_error (error, errno);
  close (fd);
  return -1;
}

static char *
local_stamp (const struct stat *info)
{
  return g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld", (uintmax_t) info->st_dev,
                          (uintmax_t) info->st_ino, (intmax_t) info->st_size,
                          (intmax_t) info->st_mtim.tv_sec, info->st_mtim.tv_nsec);
}

static char *
gio_stamp (GFileInfo *info)
{
  const char *etag = g_file_info_get_etag (info);
  guint64 seconds = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  guint32 usec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  return g_strdup_printf ("%s:%jd:%" G_GUINT64_FORMAT ".%06u", etag != NULL ? etag : "",
                          (intmax_t) g_file_info_get_size (info), seconds, usec);
}

static gboolean
open_local (AtlasImportFile  *self,
            const char       *path,
            GError          **error)
{
  g_autoptr(GInputStream) raw = NULL;

  self->fd = open_regular_file (path, &self->opened, error);
  if (self->fd < 0)
    return FALSE;
  raw = g_unix_input_stream_new (self->fd, TRUE);
  self->stream = g_buffered_input_stream_new_sized (raw, HEAD_LENGTH);
  self->size = (guint64) self->opened.st_size;
  self->stamp = local_stamp (&self->opened);
  return TRUE;
}

static gboolean
open_with_gio (AtlasImportFile  *self,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GFileInputStream) raw = g_file_read (self->file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;

  if (raw == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (raw, GIO_STAMP_ATTRIBUTES, cancellable, error);
  if (info == NULL)
    return FALSE;
  self->stream = g_buffered_input_stream_new_sized (G_INPUT_STREAM (raw), HEAD_LENGTH);
  self->size = (guint64) g_file_info_get_size (info);
  self->stamp = gio_stamp (info);
  return TRUE;
}

/**
 * atlas_import_file_open:
 *
 * Opens a local file directly, refusing what is not a regular file before it waits on a
 * pipe; anything else (a remote mount) through GIO.
 *
 * Returns: (transfer full): the opened file, or %NULL with @error
 */
AtlasImportFile *
atlas_import_file_open (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(AtlasImportFile) self = g_new0 (AtlasImportFile, 1);
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->file = g_object_ref (file);
  self->fd = -1;
  if (path != NULL ? !open_local (self, path, error) : !open_with_gio (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
atlas_import_file_free (AtlasImportFile *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_clear_object (&self->file);
  g_free (self->stamp);
  g_free (self);
}

/**
 * atlas_import_file_get_size:
 *
 * Returns: the file's size as it was opened
 */
guint64
atlas_import_file_get_size (AtlasImportFile *self)
{
  return self->size;
}

/**
 * atlas_import_file_get_stamp:
 *
 * Returns: which version of the file is read: its device, inode, size and time of change
 *   for a local file; its entity tag, size and time of change otherwise
 */
const char *
atlas_import_file_get_stamp (AtlasImportFile *self)
{
  return self->stamp;
}

/**
 * atlas_import_file_peek_head:
 * @length: (out): how many bytes the head has: all of a small file, else some kilobytes
 *
 * The file's first bytes, to tell its format by; reading the stream still starts before them.
 *
 * Returns: (transfer none): the head, valid until the stream is read
 */
const char *
atlas_import_file_peek_head (AtlasImportFile  *self,
                             gsize            *length,
                             GCancellable     *cancellable,
                             GError          **error)
{
  GBufferedInputStream *buffered = G_BUFFERED_INPUT_STREAM (self->stream);
  gssize n;

  while (g_buffered_input_stream_get_available (buffered) < HEAD_LENGTH)
    if ((n = g_buffered_input_stream_fill (buffered, -1, cancellable, error)) < 0)
      return NULL;
    else if (n == 0)
      break;
  return g_buffered_input_stream_peek_buffer (buffered, length);
}

/**
 * atlas_import_file_get_stream:
 *
 * Returns: (transfer none): the file's bytes, from its start
 */
GInputStream *
atlas_import_file_get_stream (AtlasImportFile *self)
{
  return self->stream;
}

/**
 * atlas_import_file_check_unchanged:
 *
 * Once the stream has been read to its end: whether the file is still the one opened (its
 * size and time of change), so that nothing read from a file being written is kept.
 */
gboolean
atlas_import_file_check_unchanged (AtlasImportFile  *self,
                                   GCancellable     *cancellable,
                                   GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *now = NULL;
  struct stat after;

  if (self->fd >= 0)
    {
      if (fstat (self->fd, &after) != 0)
        return set_errno_error (error, errno);
      if (after.st_size == self->opened.st_size
          && after.st_mtim.tv_sec == self->opened.st_mtim.tv_sec
          && after.st_mtim.tv_nsec == self->opened.st_mtim.tv_nsec)
        return TRUE;
      return set_changed_error (error);
    }
  info = g_file_query_info (self->file, GIO_STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return FALSE;
  now = gio_stamp (info);
  return g_str_equal (now, self->stamp) || set_changed_error (error);
}

/**
 * atlas_import_file_read_all:
 *
 * Reads the whole file into memory, for the formats that are parsed whole. The caller
 * has checked its size against the limit of its format.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error
 */
GBytes *
atlas_import_file_read_all (AtlasImportFile  *self,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autofree char *buffer = g_try_malloc (self->size + 1);
  gsize done = 0, n;

  if (buffer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("there is not enough memory"));
      return NULL;
    }
  while (done < self->size)
    {
      if (!g_input_stream_read_all (self->stream, buffer + done,
                                    MIN (self->size - done, READ_CHUNK), &n, cancellable,
                                    error))
        return NULL;
      if (n == 0)
        {
          set_changed_error (error);
          return NULL;
        }
      done += n;
    }
  if (!atlas_import_file_check_unchanged (self, cancellable, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), (gsize) self->size);
}
