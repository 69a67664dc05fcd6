/* atlas-import-plan-write.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applying an import plan, and --import: the file is read on one thread and written on
 * another, in chunks, in one transaction, so that neither holds the whole file's records.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-import-file.h"
#include "atlas-import-plan-private.h"

static gboolean
check_applicable (AtlasImportPlan  *self,
                  GError          **error)
{
  guint n_problems = atlas_import_plan_get_n_problems (self);

  if (self->applied)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ALREADY_APPLIED,
                 _("%s has already been imported"), self->file_name);
  else if (n_problems > 0 && !self->problems_accepted)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_PROBLEMS_NOT_ACCEPTED,
                 ngettext ("%s: %u row or feature cannot be imported; nothing was written",
                           "%s: %u rows or features cannot be imported; nothing was written",
                           n_problems), self->file_name, n_problems);
  else if (self->counts.incidents + self->counts.routes == 0)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NOTHING_TO_IMPORT,
                 _("%s: there is nothing to import"), self->file_name);
  else
    return TRUE;
  return FALSE;
}

static gboolean
refuse_write (AtlasImportPlan  *self,
              GError           *local_error,
              GError          **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, local_error);
  else
    g_propagate_prefixed_error (error, local_error, _("%s could not be imported: "),
                                self->file_name);
  return FALSE;
}

static gboolean write_again (AtlasImportPlan  *self,
                             AtlasCase        *atlas_case,
                             GCancellable     *cancellable,
                             GError          **error);

/**
 * atlas_import_plan_apply:
 *
 * Writes everything read into @atlas_case in one transaction, with the document that
 * records the import, reading the file again as it writes. When the file had problems,
 * they must have been accepted first. A file changed since it was loaded is refused. On
 * error the case is as it was.
 */
gboolean
atlas_import_plan_apply (AtlasImportPlan  *self,
                         AtlasCase        *atlas_case,
                         GError          **error)
{
  return atlas_import_plan_apply_full (self, atlas_case, NULL, error);
}

/**
 * atlas_import_plan_apply_full:
 * @cancellable: (nullable): cancels the write, which then leaves the case as it was
 *
 * atlas_import_plan_apply() with "fraction" telling how far the write is.
 */
gboolean
atlas_import_plan_apply_full (AtlasImportPlan  *self,
                              AtlasCase        *atlas_case,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);

  if (!check_applicable (self, error))
    return FALSE;
  _atlas_import_plan_progress (0.0, self);
  if (!write_again (self, atlas_case, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  _atlas_import_plan_progress (1.0, self);
  return TRUE;
}

static void
apply_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (atlas_import_plan_apply_full (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_import_plan_apply_async:
 *
 * Writes on a worker thread; "fraction" is notified on the calling thread's main context.
 * Cancelling leaves the case exactly as it was.
 */
void
atlas_import_plan_apply_async (AtlasImportPlan     *self,
                               AtlasCase           *atlas_case,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_IMPORT_PLAN (self));
  g_return_if_fail (ATLAS_IS_CASE (atlas_case));

  g_clear_pointer (&self->notify_context, g_main_context_unref);
  self->notify_context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_import_plan_apply_async);
  g_task_set_task_data (task, g_object_ref (atlas_case), g_object_unref);
  g_task_run_in_thread (task, apply_in_thread);
}

gboolean
atlas_import_plan_apply_finish (AtlasImportPlan  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- reading and writing at once ------------------------------------------------------ */

/* Records per chunk handed from the reading thread to the writing one, unless
 * ATLAS_IMPORT_CHUNK_SIZE says a smaller number (tests force small ones). The first chunk
 * must hold BULK_POINTS points for a large write to go in bulk (atlas-case-writer.c): an
 * ACLED row makes an incident and about two claims. */
#define STREAM_CHUNK 40000
/* Chunks read ahead of the write at most: the reader waits beyond, so that a reader faster
 * than the writer does not pile the whole file up in memory. */
#define CHUNKS_AHEAD 1

typedef struct {
  AtlasImportPlan *plan;
  AtlasImportFile *file;         /* the file, until the reader is done with it */
  GAsyncQueue     *chunks;       /* chunks of records, then the end mark */
  GAsyncQueue     *room;         /* one token per chunk the reader may still push */
  GCancellable    *reading;      /* stops the reader when the write stops first */
  GError          *read_error;   /* the reader's, set before it pushes the end mark */
  gboolean         read_failed;  /* the write stopped on the reader's error */
  gboolean         ended;        /* the end mark has been taken */
} StreamedImport;

static int end_mark;

static int room_token;

guint
_atlas_import_plan_stream_chunk_size (void)
{
  const char *forced = g_getenv ("ATLAS_IMPORT_CHUNK_SIZE");
  guint64 size = forced != NULL ? g_ascii_strtoull (forced, NULL, 10) : 0;

  return size > 0 && size <= STREAM_CHUNK ? (guint) size : STREAM_CHUNK;
}

/* On the reading thread: waits for room, then hands @chunk (and its records) to the writer. */
static void
push_chunk (GPtrArray *chunk,
            gpointer   data)
{
  StreamedImport *stream = data;

  _atlas_import_plan_tally_records (&stream->plan->counts, chunk);
  g_async_queue_pop (stream->room);
  g_async_queue_push (stream->chunks, chunk);
}

static gboolean
check_something_read (AtlasImportPlan  *self,
                      GError          **error)
{
  if (self->counts.incidents + self->counts.routes > 0)
    return TRUE;
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_NOTHING_TO_IMPORT,
               _("there is nothing to import"));
  return FALSE;
}

static gpointer
read_in_thread (gpointer data)
{
  StreamedImport *stream = data;
  AtlasImportPlan *self = stream->plan;
  gboolean read = _atlas_import_plan_read_file (self, stream->file, stream->reading,
                                                &stream->read_error);

  /* the file is read: what is left of the write (indexes, search) does without it */
  g_clear_pointer (&stream->file, atlas_import_file_free);
  if (read)
    {
      atlas_import_batch_flush_chunk (self->batch);
      /* applying a loaded plan keeps what its preview listed */
      if (!self->loaded)
        _atlas_import_plan_count_records (self);
      self->loaded = TRUE;
      check_something_read (self, &stream->read_error);
    }
  g_async_queue_push (stream->chunks, &end_mark);
  return NULL;
}

/* On the writing thread: waits for the reader's next chunk. */
static GPtrArray *
next_read_chunk (gpointer   data,
                 GError   **error)
{
  StreamedImport *stream = data;
  AtlasImportPlan *self = stream->plan;
  gpointer item;

  /* applying tells how far the write is, on the writing thread: the preview counted all */
  if (self->write_progress)
    _atlas_import_plan_progress (MIN ((double) self->write_handed / MAX (self->write_total, 1),
                                      0.99), self);
  item = g_async_queue_pop (stream->chunks);
  if (item != &end_mark)
    {
      self->write_handed += ((GPtrArray *) item)->len;
      g_async_queue_push (stream->room, &room_token);
      return item;
    }
  stream->ended = TRUE;
  if (stream->read_error != NULL)
    {
      stream->read_failed = TRUE;
      g_propagate_error (error, g_steal_pointer (&stream->read_error));
    }
  return NULL;
}

static void
cancel_reading (GCancellable *cancellable,
                gpointer      reading)
{
  g_cancellable_cancel (reading);
}

/* Once the write has ended, for whatever reason: the reader is stopped, what it still
 * pushes dropped (which makes room for it to go on to its end), and waited for. */
static void
stop_reading (StreamedImport *stream,
              GThread        *reader)
{
  g_cancellable_cancel (stream->reading);
  while (!stream->ended)
    {
      gpointer item = g_async_queue_pop (stream->chunks);

      if (item == &end_mark)
        stream->ended = TRUE;
      else
        {
          g_ptr_array_unref (item);
          g_async_queue_push (stream->room, &room_token);
        }
    }
  g_thread_join (reader);
  g_clear_error (&stream->read_error);
}

/* @file: (transfer full): the file, closed as soon as it has been read */
static gboolean
import_streamed (AtlasImportPlan  *self,
                 AtlasCase        *atlas_case,
                 AtlasImportFile  *file,
                 GCancellable     *cancellable,
                 GError          **error)
{
  StreamedImport stream = { self, file, g_async_queue_new (), g_async_queue_new (),
                            g_cancellable_new () };
  g_autoptr(GError) local_error = NULL;
  gulong handler = 0;
  GThread *reader;
  gboolean written;

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_reading),
                                     stream.reading, NULL);
  /* "fraction" would be notified from the reading thread: the import tells none */
  atlas_import_batch_set_progress_func (self->batch, NULL, NULL);
  atlas_import_batch_set_cancellable (self->batch, stream.reading);
  atlas_import_batch_set_chunk_func (self->batch, _atlas_import_plan_stream_chunk_size (),
                                     push_chunk, &stream);
  for (guint i = 0; i < CHUNKS_AHEAD; i++)
    g_async_queue_push (stream.room, &room_token);

  reader = g_thread_new ("atlas-import-read", read_in_thread, &stream);
  written = atlas_case_write_chunks (atlas_case, next_read_chunk, &stream, cancellable,
                                     &local_error);
  stop_reading (&stream, reader);

  atlas_import_batch_set_chunk_func (self->batch, 0, NULL, NULL);
  g_cancellable_disconnect (cancellable, handler);
  g_object_unref (stream.reading);
  g_async_queue_unref (stream.chunks);
  g_async_queue_unref (stream.room);

  if (written)
    return self->applied = TRUE;
  if (!stream.read_failed || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return refuse_write (self, g_steal_pointer (&local_error), error);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", self->file_name);
  return FALSE;
}

/**
 * atlas_import_plan_import:
 * @cancellable: (nullable): cancels the import, which then leaves the case as it was
 *
 * Reads the file and writes it into @atlas_case in one transaction, with no preview: what
 * `incident-atlas --import` does. Rows that cannot be imported are skipped, and stay listed
 * as problems. The file is written while it is still being read, on a second thread.
 *
 * Returns: %FALSE when the file is refused, holds nothing to import, or cannot be written;
 *   the case is then as it was
 */
gboolean
atlas_import_plan_import (AtlasImportPlan  *self,
                          AtlasCase        *atlas_case,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_autoptr(AtlasImportFile) file = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (ATLAS_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (!self->loaded && self->batch == NULL, FALSE);

  self->problems_accepted = TRUE;
  if (!_atlas_import_plan_open_file (self, cancellable, &file, &local_error))
    return _atlas_import_plan_refuse_file (self, local_error, error);
  return import_streamed (self, atlas_case, g_steal_pointer (&file), cancellable, error);
}

/* Opens the file again, to read it as atlas_import_plan_load() read it: @opened is it. */
static gboolean
reopen_unchanged (AtlasImportPlan   *self,
                  GCancellable      *cancellable,
                  AtlasImportFile  **opened,
                  GError           **error)
{
  if ((*opened = atlas_import_file_open (self->file, cancellable, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (atlas_import_file_get_stamp (*opened), self->stamp) == 0)
    return TRUE;
  g_clear_pointer (opened, atlas_import_file_free);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("it has changed since it was read for the preview; import it again "
                 "to see what it holds now"));
  return FALSE;
}

/* Applying a loaded plan: the file is read again into a batch of its own, with the
 * preview's keys, and written in chunks as atlas_import_plan_import() writes it. The
 * preview's batch (its problems, which the user has seen) stays unless the write succeeds. */
static gboolean
write_again (AtlasImportPlan  *self,
             AtlasCase        *atlas_case,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(AtlasImportFile) file = NULL;
  g_autoptr(AtlasImportBatch) previewed = NULL;
  AtlasCaseCounts previewed_counts = self->counts;
  GError *local_error = NULL;
  gboolean written;

  if (!reopen_unchanged (self, cancellable, &file, &local_error))
    return refuse_write (self, local_error, error);

  previewed = g_steal_pointer (&self->batch);
  self->batch = _atlas_import_plan_new_batch (self);
  memset (&self->counts, 0, sizeof self->counts);
  self->counts.documents = previewed_counts.documents;
  self->write_total = previewed_counts.documents + previewed_counts.incidents
                      + previewed_counts.routes + previewed_counts.waypoints
                      + previewed_counts.claims;
  self->write_handed = 0;
  self->write_progress = TRUE;
  written = import_streamed (self, atlas_case, g_steal_pointer (&file), cancellable, error);
  self->write_progress = FALSE;
  if (written)
    return TRUE;
  g_clear_object (&self->batch);
  self->batch = g_steal_pointer (&previewed);
  self->counts = previewed_counts;
  return FALSE;
}
