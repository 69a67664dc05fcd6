/* atlas-case-open.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening and creating case files: a case file may come from anywhere, so it is checked
 * before anything of it runs or is written to it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

#include "atlas-case-file.h"
#include "atlas-case-private.h"
#include "atlas-case-schema.h"
#include "atlas-column-set.h"
#include "atlas-gpkg-geometry.h"

#define BUSY_TIMEOUT_MS 5000
/* SQLite's own threshold, in log pages, for copying the write-ahead log back into the file
 * as a transaction commits. A large write turns it off for its own commit. */
#define CHECKPOINT_PAGES 1000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* ---- opening ---------------------------------------------------------------------- */

static void
harden_connection (sqlite3 *db)
{
  /* A case file may come from anywhere: no extension loading, no writes to the schema
   * through SQL, and no functions run from its schema until we have checked it. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  atlas_gpkg_register_sql_functions (db);
  atlas_column_set_register_sql_function (db);
}

sqlite3 *
_atlas_case_open_connection (const char  *path,
                             int          mode_flags,
                             GError     **error)
{
  sqlite3 *db = NULL;
  int flags = mode_flags | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW;

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      /* SQLite's own words ("unable to open database file") do not say why; the system's
       * do ("Permission denied") */
      int system_errno = db != NULL ? sqlite3_system_errno (db) : 0;

      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                   _("SQLite cannot open it: %s"),
                   system_errno != 0 ? g_strerror (system_errno)
                   : db != NULL ? sqlite3_errmsg (db) : _("out of memory"));
      sqlite3_close (db);
      return NULL;
    }

  harden_connection (db);
  return db;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           int         *rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return FALSE;
  *rc = sqlite3_step (stmt);
  if (*rc != SQLITE_ROW)
    return FALSE;
  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_is_geopackage (sqlite3  *db,
                     GError  **error)
{
  int application_id = 0, rc;

  if (!query_int (db, "PRAGMA application_id", &application_id, &rc))
    {
      if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_A_DATABASE,
                     _("it is not a database, or it is damaged"));
      else if (sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK)
        g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY,
                     _("a change to it was interrupted, and must be undone (from the "
                       "“-journal” file beside it) where the file and its folder can be "
                       "written to"));
      else
        atlas_case_schema_set_error (error, db, _("it cannot be read"));
      return FALSE;
    }

  if (application_id != ATLAS_GPKG_APPLICATION_ID)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_A_GEOPACKAGE,
                   _("it is an SQLite database but not a GeoPackage"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_schema_version (sqlite3  *db,
                      int      *version,
                      GError  **error)
{
  *version = atlas_case_schema_read_version (db);

  if (*version == 0)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_A_CASE,
                   _("it is a GeoPackage, but not an Incident Atlas case"));
      return FALSE;
    }
  if (*version > ATLAS_CASE_SCHEMA_VERSION)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NEWER_SCHEMA,
                   _("it was made by a newer version of Incident Atlas (case format %d; "
                     "this version reads up to %d); it was not changed"),
                   *version, ATLAS_CASE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static char *
read_meta (sqlite3    *db,
           const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *repaired = NULL;
  const char *value;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM atlas_meta WHERE key = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || (value = _atlas_case_column_display_text (stmt, 0, &repaired)) == NULL)
    return g_strdup ("");
  return g_strdup (value);
}

gboolean
_atlas_case_run_in_transaction (sqlite3            *db,
                                AtlasCaseWorkFunc   work,
                                gpointer            data,
                                GError            **error)
{
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      /* another process (an import, another window) holds the write lock past the timeout */
      if (sqlite3_errcode (db) == SQLITE_BUSY)
        {
          g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED,
                       _("“%s” is busy: another program is writing to it; try again when "
                         "it has finished"), sqlite3_db_filename (db, "main"));
          return FALSE;
        }
      return atlas_case_schema_set_error (error, db, _("the case file is busy"));
    }

  sqlite3_wal_autocheckpoint (db, CHECKPOINT_PAGES);
  if (!work (db, data, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      atlas_case_schema_set_error (error, db, _("the change could not be saved"));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate_work (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  return atlas_case_schema_migrate (db, GPOINTER_TO_INT (data), error);
}

/* Reopens a checked file for writing. Its triggers are checked again on this very
 * connection before they are allowed to run. */
static sqlite3 *
open_for_writing (const char  *path,
                  int          version,
                  GError     **error)
{
  sqlite3 *db = _atlas_case_open_connection (path, SQLITE_OPEN_READWRITE, error);

  if (db == NULL)
    return NULL;

  /* WAL with synchronous NORMAL survives a crash of the app intact. The page cache is
   * what an edit and the views' queries need: reading a whole table (the map's points, the
   * counts) goes through it once and gains nothing from keeping it; a bulk write sets its
   * own (see atlas-case-writer.c). A bigger cache here held 256 MiB of a million-row case
   * for as long as the window was open. Temporary data goes to files (deleted as they are
   * opened), which SQLite's own cache keeps small: in memory, the statement journal of the
   * one statement that indexes an import for search kept every page its merges changed,
   * 150 MB at a million rows and growing with the file, and the sorts of a bulk write (the
   * R-tree's order, an index built whole) held all their rows. */
  if (!atlas_case_schema_check_trusted (db, error)
      || !atlas_case_schema_exec (db, "PRAGMA journal_mode = WAL;"
                                      "PRAGMA synchronous = NORMAL;"
                                      "PRAGMA cache_size = -16384;"
                                      "PRAGMA temp_store = FILE", error))
    {
      sqlite3_close (db);
      return NULL;
    }

  /* SQLite refuses the GeoPackage R-tree triggers while the schema is untrusted. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);

  if (version < ATLAS_CASE_SCHEMA_VERSION
      && !_atlas_case_run_in_transaction (db, migrate_work, GINT_TO_POINTER (version), error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* The file's pages are checked in full as it opens only when that is quick: see
 * atlas-case-check.c. */
static gboolean
validate_file (AtlasCase           *self,
               AtlasCaseOpenFlags   flags,
               int                 *version,
               GError             **error)
{
  return check_is_geopackage (self->db, error)
         && check_schema_version (self->db, version, error)
         && _atlas_case_check_on_open (self, self->db,
                                       (flags & ATLAS_CASE_OPEN_CHECK_LATER) != 0, error);
}

/* Writing needs the file and, for SQLite's journal beside it, its folder. A file nobody
 * may write (no write bit at all) is taken as meant to be read-only, even by root. */
static gboolean
can_write_beside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf info;

  return g_stat (path, &info) == 0 && (info.st_mode & 0222) != 0
         && g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/* A write killed midway in rollback-journal mode leaves a hot journal beside the file,
 * which a read-only connection cannot undo: every read fails. A connection that may write
 * undoes it on its first read; it runs nothing from the file's schema. */
static void
recover_hot_journal (const char *path)
{
  sqlite3 *db;

  if (!atlas_case_file_has_hot_journal (path) || !can_write_beside (path))
    return;
  db = _atlas_case_open_connection (path, SQLITE_OPEN_READWRITE, NULL);
  if (db != NULL)
    sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* Bytes 18 and 19 of an SQLite header are 2 in WAL mode. */
static gboolean
is_wal_file (const char *path)
{
  guint8 header[20] = { 0 };
  FILE *stream = g_fopen (path, "rbe");
  gboolean wal;

  if (stream == NULL)
    return FALSE;
  wal = fread (header, 1, sizeof header, stream) == sizeof header
        && header[18] == 2 && header[19] == 2;
  fclose (stream);
  return wal;
}

static gboolean
has_wal_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf info;

  return g_stat (wal, &info) == 0 && info.st_size > 0;
}

/* A WAL file is read through its shared-memory index beside it, which SQLite cannot make
 * in a folder we may not write (read-only media): "unable to open database file". With
 * nothing in its log, everything is in the file itself, which SQLite then reads as
 * immutable; with changes in its log and no index beside it, a private copy of both is
 * read, and removed with the case. */
/* Opens @target for reading, and keeps it for the full check's own connection. */
static sqlite3 *
open_reading_connection (AtlasCase   *self,
                         const char  *target,
                         int          flags,
                         GError     **error)
{
  g_free (self->check_target);
  self->check_target = g_strdup (target);
  self->check_flags = SQLITE_OPEN_READONLY | flags;
  return _atlas_case_open_connection (target, self->check_flags, error);
}

static sqlite3 *
open_for_reading (AtlasCase   *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *copy = NULL;
  char *folder = NULL;

  if (atlas_case_file_folder_writable (path) || !is_wal_file (path)
      || (has_wal_content (path) && g_file_test (shm, G_FILE_TEST_EXISTS)))
    return open_reading_connection (self, path, 0, error);

  if (has_wal_content (path))
    {
      copy = atlas_case_file_copy_with_log (path, &folder, error);
      if (copy == NULL)
        return NULL;
      g_object_set_data_full (G_OBJECT (self), "atlas-case-copy", folder,
                              (GDestroyNotify) atlas_case_file_remove_copy);
      return open_reading_connection (self, copy, 0, error);
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return open_reading_connection (self, path, 0, error);
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return open_reading_connection (self, immutable, SQLITE_OPEN_URI, error);
}

/* Asked of SQLite, never by opening the file beside it while @db is open: closing that
 * would drop the locks SQLite holds on the file, and another program could then take the
 * write-ahead log from under @db. */
static gboolean
uses_write_ahead_log (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  return sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK
         && sqlite3_step (stmt) == SQLITE_ROW
         && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
}

static AtlasCase *
open_validated (GFile               *file,
                AtlasCaseOpenFlags   flags,
                GError             **error)
{
  g_autoptr(AtlasCase) self = g_object_new (ATLAS_TYPE_CASE, NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) untrusted = NULL;
  int version;

  self->file = g_object_ref (file);
  if (!atlas_case_file_check_beside (path, error))
    return NULL;
  recover_hot_journal (path);
  self->db = open_for_reading (self, path, error);
  if (self->db == NULL || !validate_file (self, flags, &version, error))
    return NULL;

  self->read_only = TRUE;
  if (!atlas_case_schema_check_trusted (self->db, &untrusted))
    self->read_only_reason = g_strdup_printf (_("Opened read-only because %s."),
                                              untrusted->message);
  else if ((flags & ATLAS_CASE_OPEN_READ_ONLY) == 0 && !can_write_beside (path))
    self->read_only_reason = g_strdup (_("Opened read-only because the file or its folder "
                                         "cannot be written to (a read-only medium?)."));
  else if ((flags & ATLAS_CASE_OPEN_READ_ONLY) == 0)
    {
      sqlite3 *writable;

      /* upgrading its tables, or turning on its write-ahead log, writes to the file */
      if ((version < ATLAS_CASE_SCHEMA_VERSION || !uses_write_ahead_log (self->db))
          && !_atlas_case_check_before_change (self, self->db, error))
        return NULL;
      writable = open_for_writing (path, version, error);
      if (writable == NULL)
        return NULL;
      sqlite3_close (self->db);
      self->db = writable;
      g_free (self->check_target);
      self->check_target = g_strdup (path);
      self->check_flags = SQLITE_OPEN_READONLY;
      self->writer = atlas_case_writer_new (writable);
      self->read_only = FALSE;
    }

  if (self->read_only && version < ATLAS_CASE_SCHEMA_VERSION)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY,
                   _("it was made by an older version of Incident Atlas and must be opened "
                     "for editing once to be upgraded"));
      return NULL;
    }

  self->title = read_meta (self->db, "title");
  self->summary = read_meta (self->db, "summary");
  self->initial_frame = read_meta (self->db, "initial_frame");
  self->initial_selection = read_meta (self->db, "initial_selection");
  return g_steal_pointer (&self);
}

/**
 * atlas_case_open:
 * @flags: %ATLAS_CASE_OPEN_READ_ONLY never writes to the file
 *
 * Opens a case file, checking it first: it must be a GeoPackage with our tables, intact,
 * and of a schema this version knows. A file with triggers or views we did not create is
 * opened read-only and its SQL never runs. Blocks: call from a worker or use
 * atlas_case_open_async().
 *
 * Returns: (transfer full): the case, or %NULL with @error naming the file and the reason
 */
AtlasCase *
atlas_case_open (GFile               *file,
                 AtlasCaseOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  AtlasCase *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_query_exists (file, NULL))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                   _("“%s” does not exist"), name);
      return NULL;
    }
  /* SQLite would wait forever to open a pipe, and call a folder a disk I/O error */
  if (!atlas_case_file_check_regular (file, FALSE, error))
    return NULL;

  self = open_validated (file, flags, &local_error);
  if (self == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("“%s” cannot be opened: "), name);
  return self;
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  AtlasCaseOpenFlags flags = GPOINTER_TO_UINT (task_data);
  GError *error = NULL;
  AtlasCase *self = atlas_case_open (file, flags, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
atlas_case_open_async (GFile               *file,
                       AtlasCaseOpenFlags   flags,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_case_open_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (flags), NULL);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, open_in_thread);
}

AtlasCase *
atlas_case_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
create_work (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!atlas_case_schema_create (db, error))
    return FALSE;
  if (sqlite3_prepare_v2 (db, "UPDATE atlas_meta SET value = ? WHERE key = 'title'", -1,
                          &stmt, NULL) != SQLITE_OK)
    return atlas_case_schema_set_error (error, db, _("the case could not be created"));
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_DONE
         || atlas_case_schema_set_error (error, db, _("the case could not be created"));
}

static gboolean
create_file_at (const char  *path,
                const char  *title,
                GError     **error)
{
  sqlite3 *db = _atlas_case_open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  ok = _atlas_case_run_in_transaction (db, create_work, (gpointer) title, error);
  sqlite3_close (db);
  return ok;
}

/**
 * atlas_case_create:
 *
 * Creates an empty case at @file, which must not exist. The file is built beside it under
 * a hidden name and given its name only when complete, in one step that never replaces a
 * file: a kill leaves no case, and of two programs creating one case at once, one gets
 * %ATLAS_CASE_ERROR_EXISTS and changes nothing.
 *
 * Returns: (transfer full): the new case, open for writing
 */
AtlasCase *
atlas_case_create (GFile       *file,
                   const char  *title,
                   GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  path = g_file_get_path (file);
  name = g_file_get_parse_name (file);
  if (path == NULL || g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_EXISTS,
                   _("“%s” cannot be created: it already exists or is not a local file"), name);
      return NULL;
    }

  tmp_path = atlas_case_file_temp_path (path);
  if (!atlas_case_file_check_folder (path, &local_error)
      || !create_file_at (tmp_path, title, &local_error)
      || !atlas_case_file_publish (tmp_path, path, &local_error))
    {
      atlas_case_file_remove_temp (tmp_path);
      g_set_error (error, ATLAS_CASE_ERROR,
                   local_error->domain == ATLAS_CASE_ERROR ? local_error->code
                                                           : ATLAS_CASE_ERROR_FAILED,
                   _("“%s” cannot be created: %s"), name, local_error->message);
      return NULL;
    }

  return atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, error);
}

