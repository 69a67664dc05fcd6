/* atlas-import-file.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a file to import: only a regular file, refused past the size limit of its
 * format before it is read, and refused if it changes while it is read.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-import-file.h"
#include "atlas-import-format.h"
#include "atlas-import-limits.h"

/* Reads of a file being imported, between checks for cancellation. */
#define READ_CHUNK (16 << 20)

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

static gboolean
read_all (int            fd,
          char          *buffer,
          gsize          length,
          GCancellable  *cancellable,
          GError       **error)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = read (fd, buffer + done, MIN (length - done, READ_CHUNK));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno);
      if (n == 0)
        return set_changed_error (error);
      done += (gsize) n;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* A file past the limit of its kind is refused before it is read whole: its kind is
 * told from its first bytes, as atlas_import_format_detect() will tell it from all of them. */
static gboolean
check_size_from_head (const char  *name,
                      int          fd,
                      guint64      size,
                      GError     **error)
{
  char head[ATLAS_IMPORT_SNIFF_LENGTH];
  gssize n;
  AtlasImportFormat format;

  if (size <= ATLAS_IMPORT_MAX_TREE_SIZE || name == NULL)
    return atlas_import_format_check_size (ATLAS_IMPORT_FORMAT_CSV, size, error);
  n = pread (fd, head, sizeof head, 0);
  if (n <= 0)
    return TRUE;
  format = atlas_import_format_detect (head, (gsize) n, name, NULL);
  return atlas_import_format_check_size (format == ATLAS_IMPORT_FORMAT_UNKNOWN
                                         ? ATLAS_IMPORT_FORMAT_CSV : format, size, error);
}

/* Reads a local file whole into memory. A mapping would be cheaper, but a file that
 * shrinks meanwhile (a sync client, log rotation) kills the process with SIGBUS at the
 * first page past its new end; here a file that changes is an error with a message.
 * @name, when given, tells the limit for the file's kind. */
static GBytes *
read_local_file (const char       *name,
                 const char       *path,
                 GCancellable     *cancellable,
                 char            **stamp,
                 GError          **error)
{
  struct stat before, after;
  g_autofree char *buffer = NULL;
  int fd = open_regular_file (path, &before, error);
  gboolean ok;

  if (fd < 0)
    return NULL;
  if (!check_size_from_head (name, fd, (guint64) before.st_size, error))
    {
      close (fd);
      return NULL;
    }
  buffer = g_try_malloc ((gsize) before.st_size + 1);
  if (buffer == NULL)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("there is not enough memory"));
      return NULL;
    }
  ok = read_all (fd, buffer, (gsize) before.st_size, cancellable, error)
       && (fstat (fd, &after) == 0 || set_errno_error (error, errno))
       && ((after.st_size == before.st_size && after.st_mtim.tv_sec == before.st_mtim.tv_sec
            && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
           || set_changed_error (error));
  close (fd);
  if (!ok)
    return NULL;
  if (stamp != NULL)
    *stamp = g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld", (uintmax_t) before.st_dev,
                              (uintmax_t) before.st_ino, (intmax_t) before.st_size,
                              (intmax_t) before.st_mtim.tv_sec, before.st_mtim.tv_nsec);
  return g_bytes_new_take (g_steal_pointer (&buffer), (gsize) before.st_size);
}

/**
 * atlas_import_file_load:
 * @name: (nullable): the file's name, to tell the size limit of its kind by; %NULL when
 *   it is read as CSV whatever it is
 * @stamp: (out) (optional): which version of the file was read: its device, inode, size
 *   and time of change for a local file, a hash of its content otherwise
 *
 * Reads a local file; anything else (a portal, a remote mount) through GIO.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error
 */
GBytes *
atlas_import_file_load (GFile         *file,
                        const char    *name,
                        GCancellable  *cancellable,
                        char         **stamp,
                        GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;
  gsize length = 0;

  if (path != NULL)
    return read_local_file (name, path, cancellable, stamp, error);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (stamp != NULL)
    *stamp = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  return g_bytes_new_take (contents, length);
}
