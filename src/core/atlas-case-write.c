/* atlas-case-write.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case store's writes that are not edits: records written in one transaction through
 * one lock (an import's chunks among them), the case's title, summary and opening view,
 * and a compacted copy of the whole file (Save As). Edits, which also record history and
 * can be undone, are in atlas-case-edit.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-case-file.h"
#include "atlas-case-private.h"
#include "atlas-case-schema.h"
#include "atlas-case-writer.h"
#include "atlas-case.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
refuse_if_read_only (AtlasCase  *self,
                     GError    **error)
{
  g_autofree char *name = NULL;

  if (!self->read_only)
    return FALSE;

  name = g_file_get_parse_name (self->file);
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY,
               _("“%s” is open read-only"), name);
  return TRUE;
}

/* Writes go through one lock: a write on a worker thread (an import, the search index
 * catching up) and one from the main thread must not interleave their transactions on the
 * one connection. */
static gboolean
run_write (AtlasCase  *self,
           gboolean  (*work) (sqlite3 *db, gpointer data, GError **error),
           gpointer    data,
           GError    **error)
{
  gboolean written;

  if (refuse_if_read_only (self, error) || _atlas_case_refuse_unless_intact (self, error))
    return FALSE;
  g_mutex_lock (&self->write_lock);
  written = _atlas_case_run_in_transaction (self->db, work, data, error);
  g_mutex_unlock (&self->write_lock);
  return written;
}

/* A large write (an import) may come before the file's full check has run: it runs it
 * first, as the write takes longer anyway. An edit is refused instead (run_write()). */
static gboolean
check_before_large_write (AtlasCase     *self,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return self->read_only || atlas_case_get_integrity (self) != ATLAS_CASE_INTEGRITY_UNCHECKED
         || atlas_case_check_integrity (self, cancellable, error);
}

typedef struct {
  AtlasCaseWriter       *writer;
  AtlasCaseChunkFunc     next_chunk;
  gpointer               chunk_data;
  GCancellable          *cancellable;
  AtlasCaseProgressFunc  progress_func;
  gpointer               progress_data;
} WriteJob;

static gboolean
write_work (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  WriteJob *job = data;

  return atlas_case_writer_write_chunks (job->writer, job->next_chunk, job->chunk_data,
                                         job->cancellable, job->progress_func,
                                         job->progress_data, error);
}

/* Copies what a large write left in the write-ahead log back into the file, through a
 * connection of its own: the case's connection, which the window reads through, stays free
 * meanwhile. Best effort: otherwise the next commit copies it. */
static void
checkpoint_aside (AtlasCase *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  sqlite3 *db = path != NULL ? _atlas_case_open_connection (path, SQLITE_OPEN_READWRITE, NULL)
                             : NULL;

  if (db == NULL)
    return;
  /* a connection learns the file is in write-ahead-log mode as it first reads it */
  sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  sqlite3_wal_checkpoint_v2 (db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  sqlite3_close (db);
}

/* The writes of records: checked first when the file was not yet (see
 * check_before_large_write()), and the log of a large one copied back after its commit. */
static gboolean
write_with_job (AtlasCase  *self,
                WriteJob   *job,
                GError    **error)
{
  if (!check_before_large_write (self, job->cancellable, error)
      || !run_write (self, write_work, job, error))
    return FALSE;
  if (atlas_case_writer_get_log_left (self->writer))
    checkpoint_aside (self);
  _atlas_case_announce_write (self);
  return TRUE;
}

/* A write of one array is a write of one chunk. */
static GPtrArray *
next_of_one (gpointer   data,
             GError   **error)
{
  GPtrArray **records = data;

  return *records != NULL ? g_ptr_array_ref (g_steal_pointer (records)) : NULL;
}

/**
 * atlas_case_write_records:
 * @records: (element-type AtlasRecord): records to add, in any order
 *
 * Adds @records in one transaction: all of them, or none when any is invalid (the error
 * names it). Route lines, layer extents and the search index follow.
 */
gboolean
atlas_case_write_records (AtlasCase  *self,
                          GPtrArray  *records,
                          GError    **error)
{
  return atlas_case_write_records_full (self, records, NULL, NULL, NULL, error);
}

/**
 * atlas_case_write_records_full:
 * @records: (element-type AtlasRecord): records to add, in any order
 * @cancellable: (nullable): cancels the write, which then changes nothing
 * @progress_func: (nullable): told how far the write is, 0…1, on the writing thread
 *
 * atlas_case_write_records() for large writes, which may run on a worker thread. Search
 * finds the records as soon as it returns.
 */
gboolean
atlas_case_write_records_full (AtlasCase              *self,
                               GPtrArray              *records,
                               GCancellable           *cancellable,
                               AtlasCaseProgressFunc   progress_func,
                               gpointer                user_data,
                               GError                **error)
{
  GPtrArray *remaining = records;
  WriteJob job = { self->writer, next_of_one, &remaining, cancellable, progress_func,
                   user_data };

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  return write_with_job (self, &job, error);
}

/**
 * atlas_case_write_chunks:
 * @next_chunk: gives the records, a part at a time, until it returns %NULL
 * @cancellable: (nullable): cancels the write, which then changes nothing
 *
 * atlas_case_write_records_full() for records that are still being made, such as an import
 * that writes while it reads: one transaction, all or nothing, whose parts may come from
 * another thread. Each part's records must live until this returns.
 */
gboolean
atlas_case_write_chunks (AtlasCase           *self,
                         AtlasCaseChunkFunc   next_chunk,
                         gpointer             chunk_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  WriteJob job = { self->writer, next_chunk, chunk_data, cancellable, NULL, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  g_return_val_if_fail (next_chunk != NULL, FALSE);

  return write_with_job (self, &job, error);
}

typedef struct {
  const char *title;
  const char *summary;
} InfoJob;

static gboolean
set_meta (sqlite3     *db,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO atlas_meta VALUES (?, ?)", -1, &stmt,
                          NULL) != SQLITE_OK)
    return atlas_case_schema_set_error (error, db, _("the case could not be changed"));
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  return sqlite3_step (stmt) == SQLITE_DONE
         || atlas_case_schema_set_error (error, db, _("the case could not be changed"));
}

static gboolean
info_work (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  InfoJob *job = data;

  return set_meta (db, "title", job->title, error) && set_meta (db, "summary", job->summary, error);
}

gboolean
atlas_case_set_info (AtlasCase   *self,
                     const char  *title,
                     const char  *summary,
                     GError     **error)
{
  InfoJob job = { title, summary ? summary : "" };

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  if (!run_write (self, info_work, &job, error))
    return FALSE;

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->summary);
  self->summary = g_strdup (job.summary);
  return TRUE;
}

static gboolean
initial_view_work (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  const char **keys = data;

  return set_meta (db, "initial_frame", keys[0] ? keys[0] : "", error)
         && set_meta (db, "initial_selection", keys[1] ? keys[1] : "", error);
}

/**
 * atlas_case_set_initial_view:
 * @frame_key: (nullable): the route or incident the case opens framed on
 * @selection_key: (nullable): the incident selected when the case opens
 *
 * How the case greets someone who opens it for the first time.
 */
gboolean
atlas_case_set_initial_view (AtlasCase   *self,
                             const char  *frame_key,
                             const char  *selection_key,
                             GError     **error)
{
  const char *keys[] = { frame_key, selection_key };

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  if (!run_write (self, initial_view_work, keys, error))
    return FALSE;

  g_free (self->initial_frame);
  self->initial_frame = g_strdup (frame_key ? frame_key : "");
  g_free (self->initial_selection);
  self->initial_selection = g_strdup (selection_key ? selection_key : "");
  return TRUE;
}

/**
 * atlas_case_get_initial_view:
 * @frame_key: (out) (transfer none) (nullable): the key of the record to frame, or %NULL
 * @selection_key: (out) (transfer none) (nullable): the key of the incident to select
 */
void
atlas_case_get_initial_view (AtlasCase   *self,
                             const char **frame_key,
                             const char **selection_key)
{
  g_return_if_fail (ATLAS_IS_CASE (self));

  *frame_key = self->initial_frame && *self->initial_frame ? self->initial_frame : NULL;
  *selection_key = self->initial_selection && *self->initial_selection
                   ? self->initial_selection : NULL;
}

/**
 * atlas_case_save_copy:
 *
 * Writes a complete, compacted copy of the case to @destination (Save As). An existing
 * file there is left alone: the copy is refused.
 */
gboolean
atlas_case_save_copy (AtlasCase  *self,
                      GFile      *destination,
                      GError    **error)
{
  g_autofree char *path = g_file_get_path (destination);
  g_autofree char *name = g_file_get_parse_name (destination);
  g_autofree char *temp_path = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  if (!atlas_case_file_check_output (destination, self->file, NULL, NULL, TRUE, error))
    return FALSE;
  if (path == NULL || g_file_query_exists (destination, NULL))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_EXISTS,
                   _("“%s” already exists or is not a local file"), name);
      return FALSE;
    }
  stmt = atlas_case_schema_prepare (self->db, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  /* made under a hidden name and given its own when complete, never over a file */
  temp_path = atlas_case_file_temp_path (path);
  bind_text (stmt, 1, temp_path);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    atlas_case_schema_set_error (&local_error, self->db, _("the copy could not be made"));
  if (local_error != NULL || !atlas_case_file_publish (temp_path, path, &local_error))
    {
      atlas_case_file_remove_temp (temp_path);
      g_set_error (error, ATLAS_CASE_ERROR, local_error->code,
                   _("“%s” could not be written: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- shared with atlas-case-edit.c ------------------------------------------------- */

gboolean
_atlas_case_run_write (AtlasCase          *self,
                       AtlasCaseWorkFunc   work,
                       gpointer            data,
                       GError            **error)
{
  return run_write (self, work, data, error);
}
