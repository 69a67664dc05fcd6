/* atlas-case-exporter.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports a case, or the incidents a filter lets through, to GeoJSON, KML or CSV. The file
 * is written beside its destination under a hidden temporary name, flushed to disk, and
 * renamed into place only once it is complete: a failed or cancelled export leaves the
 * destination as it was, and nothing else behind.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "atlas-case-exporter.h"
#include "atlas-case-file.h"
#include "atlas-case-exporter-private.h"
#include "atlas-csv-writer.h"
#include "atlas-geojson-writer.h"
#include "atlas-kml-writer.h"

#define BUFFER_SIZE (256 * 1024)

/* Temporary names are random; this many taken names in a row means something is wrong. */
#define MAX_TEMP_ATTEMPTS 16

static const struct {
  AtlasExportFormat  format;
  const char        *extension;
} extensions[] = {
  { ATLAS_EXPORT_FORMAT_GEOJSON, "geojson" },
  { ATLAS_EXPORT_FORMAT_GEOJSON, "json" },
  { ATLAS_EXPORT_FORMAT_KML, "kml" },
  { ATLAS_EXPORT_FORMAT_CSV, "csv" },
};

/* ---- the temporary file -------------------------------------------------------------- */

/* GIO's message would name the temporary file, which the user never asked for. */
static void
explain_create_error (GFile   *folder,
                      GError  *create_error,
                      GError **error)
{
  g_autofree char *name = g_file_get_parse_name (folder);

  if (g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("the folder “%s” does not exist"), name);
  else if (g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                 _("“%s” is not a folder"), name);
  else if (g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
           || g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    g_set_error (error, G_IO_ERROR, create_error->code,
                 _("the folder “%s” cannot be written to"), name);
  else
    g_propagate_error (error, g_error_copy (create_error));
}

/* A new, hidden file beside @file: ".name.1a2b3c4d.part". */
static GFileOutputStream *
create_temp_file (GFile         *file,
                  GFile        **temp,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);

  if (folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("it is not a file name"));
      return NULL;
    }
  for (guint attempt = 1; ; attempt++)
    {
      /* The name is cut so that the temporary's stays within NAME_MAX. */
      g_autofree char *temp_name = g_strdup_printf (".%.64s.%08x.part", name, g_random_int ());
      g_autoptr(GError) create_error = NULL;
      GFileOutputStream *stream;

      *temp = g_file_get_child (folder, temp_name);
      stream = g_file_create (*temp, G_FILE_CREATE_NONE, cancellable, &create_error);
      if (stream != NULL)
        return stream;
      g_clear_object (temp);
      if (g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&create_error));
          return NULL;
        }
      if (!g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_EXISTS)
          || attempt == MAX_TEMP_ATTEMPTS)
        {
          explain_create_error (folder, create_error, error);
          return NULL;
        }
    }
}

/* GIO has no fsync for a file it created: without one, a crash just after the rename
 * could leave an empty file where the old one was. fsync() reaches the file's data through
 * any descriptor of it. */
static gboolean
sync_file (GFile   *file,
           GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  int fd, saved_errno;

  if (path == NULL)
    return TRUE;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("it could not be written to disk: %s"), g_strerror (saved_errno));
  return FALSE;
}

/* ---- writing ------------------------------------------------------------------------- */

static gboolean
write_format (AtlasExportContext  *context,
              AtlasExportFormat    format,
              GOutputStream       *stream,
              GError             **error)
{
  switch (format)
    {
    case ATLAS_EXPORT_FORMAT_GEOJSON:
      return atlas_geojson_writer_write (context, stream, error);
    case ATLAS_EXPORT_FORMAT_KML:
      return atlas_kml_writer_write (context, stream, error);
    case ATLAS_EXPORT_FORMAT_CSV:
      return atlas_csv_writer_write (context, stream, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
export_to_file (AtlasCase          *atlas_case,
                AtlasFilter        *filter,
                GFile              *file,
                AtlasExportFormat   format,
                GCancellable       *cancellable,
                GError            **error)
{
  g_auto(AtlasExportContext) context = { 0 };
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) temp = NULL;
  gboolean ok;

  if (!atlas_case_file_check_output (file, atlas_case_get_file (atlas_case), NULL, NULL, TRUE,
                                     error))
    return FALSE;
  if (!_atlas_case_exporter_context_init (&context, atlas_case, filter, cancellable, error)
      || (file_stream = create_temp_file (file, &temp, cancellable, error)) == NULL)
    return FALSE;

  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), BUFFER_SIZE);
  ok = write_format (&context, format, stream, error)
       && g_output_stream_close (stream, cancellable, error)
       && sync_file (temp, error)
       && g_file_move (temp, file, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                       cancellable, NULL, NULL, error);
  if (!ok)
    {
      g_output_stream_close (stream, NULL, NULL);
      g_file_delete (temp, NULL, NULL);
    }
  return ok;
}

/* ---- public -------------------------------------------------------------------------- */

/**
 * atlas_case_exporter_format_for_path:
 * @format: (out): the format @path's extension names
 *
 * Returns: %TRUE if @path ends in .geojson, .json, .kml or .csv (any case)
 */
gboolean
atlas_case_exporter_format_for_path (const char        *path,
                                     AtlasExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *suffix = g_strconcat (".", extensions[i].extension, NULL);

      if (g_str_has_suffix (lower, suffix))
        {
          *format = extensions[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * atlas_case_exporter_get_extension:
 *
 * Returns: the usual file name extension of @format, without the dot
 */
const char *
atlas_case_exporter_get_extension (AtlasExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (extensions[i].format == format)
      return extensions[i].extension;
  g_return_val_if_reached (NULL);
}

/**
 * atlas_case_exporter_export:
 * @filter: (nullable): only the incidents that pass it; routes are always exported, as the
 *   map always shows them
 * @path: the file to write; an existing one is replaced once the export is complete
 *
 * Writes @atlas_case to @path. Blocks: the UI calls atlas_case_exporter_export_async().
 *
 * Returns: %FALSE with an error naming @path and the reason (or %G_IO_ERROR_CANCELLED);
 *   then @path is as it was and no temporary file is left
 */
gboolean
atlas_case_exporter_export (AtlasCase          *atlas_case,
                            AtlasFilter        *filter,
                            const char         *path,
                            AtlasExportFormat   format,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= ATLAS_EXPORT_FORMAT_CSV, FALSE);

  file = g_file_new_for_path (path);
  if (export_to_file (atlas_case, filter, file, format, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  shown = g_filename_display_name (path);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Cannot export to “%s”: "), shown);
  return FALSE;
}

typedef struct {
  AtlasCase         *atlas_case;
  AtlasFilter       *filter;
  char              *path;
  AtlasExportFormat  format;
} ExportTask;

static void
export_task_free (ExportTask *task)
{
  g_clear_object (&task->atlas_case);
  g_clear_object (&task->filter);
  g_clear_pointer (&task->path, g_free);
  g_free (task);
}

/* The worker gets a filter of its own: the UI goes on changing the one it shows. */
static AtlasFilter *
copy_filter (AtlasFilter *filter)
{
  AtlasFilter *copy;

  if (filter == NULL)
    return NULL;
  copy = atlas_filter_new ();
  atlas_filter_set_categories (copy, atlas_filter_get_categories (filter));
  atlas_filter_set_date_range (copy, atlas_filter_get_start_date (filter),
                               atlas_filter_get_end_date (filter));
  atlas_filter_set_min_reliability (copy, atlas_filter_get_min_reliability (filter));
  atlas_filter_set_contested_only (copy, atlas_filter_get_contested_only (filter));
  return copy;
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportTask *data = task_data;
  GError *error = NULL;

  if (atlas_case_exporter_export (data->atlas_case, data->filter, data->path, data->format,
                                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_case_exporter_export_async:
 *
 * Like atlas_case_exporter_export(), on a worker thread. The worker reads @atlas_case
 * through its own queries (the case's connection is opened for use from several threads)
 * and a copy of @filter, taken now.
 */
void
atlas_case_exporter_export_async (AtlasCase           *atlas_case,
                                  AtlasFilter         *filter,
                                  const char          *path,
                                  AtlasExportFormat    format,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (ATLAS_IS_CASE (atlas_case));
  g_return_if_fail (filter == NULL || ATLAS_IS_FILTER (filter));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportTask, 1);
  data->atlas_case = g_object_ref (atlas_case);
  data->filter = copy_filter (filter);
  data->path = g_strdup (path);
  data->format = format;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_case_exporter_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_task_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
atlas_case_exporter_export_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == atlas_case_exporter_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
