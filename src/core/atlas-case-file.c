/* atlas-case-file.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Case files on disk, around SQLite: a new case is built under a hidden temporary name and
 * published only when complete, and never over a file that exists (another program may
 * hold it, and SQLite's -wal and -shm files go by the name); what is not a regular file
 * (a pipe, a device) is refused before anything opens it, as opening a pipe never returns.
 */

#define G_LOG_DOMAIN "atlas-case"

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-case-error.h"
#include "atlas-case-file.h"

/**
 * atlas_case_file_temp_path:
 *
 * Returns: (transfer full): a new hidden name beside @path, ".NAME.1a2b3c4d.part"
 */
char *
atlas_case_file_temp_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  /* The name is cut so that the temporary's stays within NAME_MAX. */
  g_autofree char *temp_name = g_strdup_printf (".%.64s.%08x.part", base, g_random_int ());

  return g_build_filename (dir, temp_name, NULL);
}

/**
 * atlas_case_file_remove_temp:
 *
 * Removes a temporary case and whatever SQLite left beside it.
 */
void
atlas_case_file_remove_temp (const char *temp_path)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *part = g_strconcat (temp_path, suffixes[i], NULL);

      g_remove (part);
    }
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* Gives @temp_path the name @path unless that exists: one atomic step, so of two programs
 * creating one case, exactly one succeeds and the other sees EEXIST. */
static int
move_no_replace (const char *temp_path,
                 const char *path)
{
#ifdef RENAME_NOREPLACE
  if (renameat2 (AT_FDCWD, temp_path, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return -1;
#endif
  /* file systems without renameat2's flags: a hard link, which never replaces either */
  if (link (temp_path, path) != 0)
    return -1;
  g_remove (temp_path);
  return 0;
}

/**
 * atlas_case_file_publish:
 * @temp_path: a complete case, closed, with nothing left in a journal or log beside it
 * @path: where it goes; must not exist
 *
 * Returns: %TRUE once the case is at @path; %FALSE with %ATLAS_CASE_ERROR_EXISTS when a
 *   file appeared there meanwhile (it is left as it is), or another error
 */
gboolean
atlas_case_file_publish (const char  *temp_path,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *wal = g_strconcat (temp_path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (temp_path, "-journal", NULL);
  int saved_errno;

  if (g_file_test (wal, G_FILE_TEST_EXISTS) || g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                   _("the new case could not be completed on disk"));
      return FALSE;
    }
  if (move_no_replace (temp_path, path) == 0)
    {
      sync_folder (path);
      return TRUE;
    }

  saved_errno = errno;
  if (saved_errno == EEXIST)
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_EXISTS,
                 _("another program created a file of that name meanwhile"));
  else
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED, "%s",
                 g_strerror (saved_errno));
  return FALSE;
}

/**
 * atlas_case_file_replace_with:
 * @temp_path: a complete output, written beside @path
 *
 * Flushes @temp_path to disk and renames it to @path, replacing what was there: the last
 * step of writing an output (not a case) so that a failure or a kill leaves the old file.
 *
 * Returns: %FALSE with @error naming @path; @temp_path is then still there
 */
gboolean
atlas_case_file_replace_with (const char  *temp_path,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  int fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno = 0;

  /* without it, a crash just after the rename could leave an empty file at @path */
  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (saved_errno == 0 && g_rename (temp_path, path) != 0)
    saved_errno = errno;
  if (saved_errno == 0)
    {
      sync_folder (path);
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("“%s” could not be written: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * atlas_case_file_name_instead:
 *
 * Messages from code that wrote @temp_path name it; the user asked for @path.
 *
 * Returns: (transfer full): @message naming @path wherever it named @temp_path
 */
char *
atlas_case_file_name_instead (const char *message,
                              const char *temp_path,
                              const char *path)
{
  g_autofree char *temp_name = g_filename_display_name (temp_path);
  g_autofree char *name = g_filename_display_name (path);
  g_auto(GStrv) parts = g_strsplit (message, temp_name, -1);

  return g_strjoinv (name, parts);
}

/**
 * atlas_case_file_check_regular:
 * @may_be_missing: whether a file that does not exist passes (an output to be created)
 *
 * Refuses what is not a regular file: a folder, a pipe, a device, a socket. Opening a
 * pipe waits for a writer that may never come.
 *
 * Returns: %FALSE with @error naming the file and what it is
 */
gboolean
atlas_case_file_check_regular (GFile     *file,
                               gboolean   may_be_missing,
                               GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  GStatBuf info;

  if (path == NULL)
    return TRUE;
  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && may_be_missing)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISREG (info.st_mode))
    return TRUE;
  if (S_ISDIR (info.st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("“%s” is a folder, not a file"), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not a regular file (it is a pipe, a device or a socket); only "
                   "regular files can be read or written"), name);
  return FALSE;
}

/**
 * atlas_case_file_check_beside:
 *
 * SQLite reads and writes files beside a case (its -wal, -shm and -journal): a pipe there
 * would make it wait for ever, as a pipe for the case itself would.
 *
 * Returns: %FALSE with @error naming the file that is not a regular one
 */
gboolean
atlas_case_file_check_beside (const char  *path,
                              GError     **error)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *name = g_filename_display_name (companion);
      GStatBuf info;

      if (g_lstat (companion, &info) == 0 && !S_ISREG (info.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("“%s” beside it is not a regular file (a pipe, a device, a folder "
                         "or a link); SQLite could not use it"), name);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * atlas_case_file_is_same:
 *
 * Returns: whether @a and @b are one file, whatever their names: the same device and inode
 *   (a hard link, a symbolic link, "./x" and "x")
 */
gboolean
atlas_case_file_is_same (GFile *a,
                         GFile *b)
{
  g_autofree char *a_path = g_file_get_path (a);
  g_autofree char *b_path = g_file_get_path (b);
  GStatBuf a_info, b_info;

  if (g_file_equal (a, b))
    return TRUE;
  return a_path != NULL && b_path != NULL
         && g_stat (a_path, &a_info) == 0 && g_stat (b_path, &b_info) == 0
         && a_info.st_dev == b_info.st_dev && a_info.st_ino == b_info.st_ino;
}

/**
 * atlas_case_file_has_hot_journal:
 *
 * Returns: whether a rollback journal lies beside @path: a write to it was interrupted,
 *   and only a connection that may write can undo it
 */
gboolean
atlas_case_file_has_hot_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  GStatBuf info;

  return g_lstat (journal, &info) == 0 && S_ISREG (info.st_mode) && info.st_size > 0;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);

  return g_file_copy (source, destination, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL,
                      error);
}

/**
 * atlas_case_file_copy_with_log:
 * @folder: (out): the private folder the copy is in; give it to
 *   atlas_case_file_remove_copy() when done
 *
 * Copies a WAL case and its write-ahead log to a private temporary folder, where SQLite
 * may make the shared-memory index it needs to read them.
 *
 * Returns: (transfer full) (nullable): the copy's path
 */
char *
atlas_case_file_copy_with_log (const char  *path,
                               char       **folder,
                               GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-read-XXXXXX", error);
  g_autofree char *copy = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_copy = NULL;

  if (dir == NULL)
    return NULL;
  copy = g_build_filename (dir, "case.gpkg", NULL);
  wal_copy = g_strconcat (copy, "-wal", NULL);
  if (!copy_file (path, copy, error) || !copy_file (wal, wal_copy, error))
    {
      atlas_case_file_remove_copy (g_steal_pointer (&dir));
      return NULL;
    }
  *folder = g_steal_pointer (&dir);
  return g_steal_pointer (&copy);
}

/**
 * atlas_case_file_remove_copy:
 * @folder: (transfer full): from atlas_case_file_copy_with_log()
 */
void
atlas_case_file_remove_copy (char *folder)
{
  g_autofree char *copy = g_build_filename (folder, "case.gpkg", NULL);

  atlas_case_file_remove_temp (copy);
  g_rmdir (folder);
  g_free (folder);
}

/**
 * atlas_case_file_check_folder:
 *
 * Whether a file can be made at @path: its folder exists and may be written to.
 *
 * Returns: %FALSE with @error naming the folder and the reason
 */
gboolean
atlas_case_file_check_folder (const char  *path,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_name (dir);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("the folder “%s” does not exist"), name);
  else if (g_access (dir, W_OK | X_OK) != 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("the folder “%s” cannot be written to"), name);
  else
    return TRUE;
  return FALSE;
}

/**
 * atlas_case_file_folder_writable:
 *
 * Returns: whether files can be made beside @path (SQLite's -wal and -shm, a journal)
 */
gboolean
atlas_case_file_folder_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK) == 0;
}

/* Whether @output is @case_file or one of the files SQLite keeps beside it. */
static gboolean
is_part_of_case (GFile *output,
                 GFile *case_file)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *case_path = g_file_get_path (case_file);

  if (atlas_case_file_is_same (output, case_file))
    return TRUE;
  for (guint i = 0; case_path != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *part_path = g_strconcat (case_path, suffixes[i], NULL);
      g_autoptr(GFile) part = g_file_new_for_path (part_path);

      if (atlas_case_file_is_same (output, part))
        return TRUE;
    }
  return FALSE;
}

static gboolean
starts_with (const char *path,
             const char *magic)
{
  gsize length = strlen (magic);
  g_autofree char *head = g_malloc0 (length);
  FILE *stream = g_fopen (path, "rbe");
  gboolean matches;

  if (stream == NULL)
    return FALSE;
  matches = fread (head, 1, length, stream) == length && memcmp (head, magic, length) == 0;
  fclose (stream);
  return matches;
}

/**
 * atlas_case_file_check_output:
 * @output: the file an export writes
 * @case_file: (nullable): the case it reads
 * @magic: (nullable): how a file of the kind written begins ("%PDF-")
 * @kind: (nullable): the kind, for people ("PDF")
 * @force: replace a file of another kind; the file chooser has asked already
 *
 * An export never writes over the case it reads (the same device and inode, whatever the
 * name) or the files beside it, nor into a pipe or a device, nor, unless @force, over an
 * existing file that does not begin with @magic.
 *
 * Returns: %FALSE with @error naming @output and the reason
 */
gboolean
atlas_case_file_check_output (GFile       *output,
                              GFile       *case_file,
                              const char  *magic,
                              const char  *kind,
                              gboolean     force,
                              GError     **error)
{
  g_autofree char *name = g_file_get_parse_name (output);
  g_autofree char *path = g_file_get_path (output);

  if (case_file != NULL && is_part_of_case (output, case_file))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is the case being exported (or a file of it); it was left as it "
                     "is: choose another name"), name);
      return FALSE;
    }
  if (!atlas_case_file_check_regular (output, TRUE, error))
    return FALSE;
  if (force || magic == NULL || path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS)
      || starts_with (path, magic))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” already exists and is not a %s file; it was left as it is (use "
                 "--force to replace it)"), name, kind);
  return FALSE;
}
