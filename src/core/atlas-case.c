/* atlas-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case store: the one object that owns a case file's SQLite connection. Nothing else runs
 * SQL. It opens files as untrusted input, writes records in one transaction and answers the
 * queries the views need as GListModels of records.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-actor.h"
#include "atlas-attachment.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing.h"
#include "atlas-case-private.h"
#include "atlas-case-file.h"
#include "atlas-case-schema.h"
#include "atlas-case-writer.h"
#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-claim-relation.h"
#include "atlas-cluster-index.h"
#include "atlas-document.h"
#include "atlas-filter.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-history-entry.h"
#include "atlas-incident.h"
#include "atlas-role.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

#define BUSY_TIMEOUT_MS 5000
/* SQLite's own threshold, in log pages, for copying the write-ahead log back into the file
 * as a transaction commits. A large write turns it off for its own commit. */
#define CHECKPOINT_PAGES 1000

/* When claims about one attribute are contested: their figures differ, or a figure is
 * met by a claim that gives none (a denial, "unknown"). Descriptions worded differently
 * (two spellings of a name, two ways to say a date) are not a contest. */
#define CONTESTED_HAVING \
  " HAVING count(DISTINCT value_number) > 1" \
  " OR (count(value_number) > 0 AND count(*) > count(value_number))"
#define SEARCH_LIMIT 200

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_QUARK (atlas-case-error-quark, atlas_case_error)

G_DEFINE_FINAL_TYPE (AtlasCase, atlas_case, G_TYPE_OBJECT)

static GType
record_type_for_kind (const char *kind)
{
  static const struct {
    const char *kind;
    GType     (*get_type) (void);
  } kinds[] = {
    { "incident", atlas_incident_get_type },
    { "route", atlas_route_get_type },
    { "waypoint", atlas_waypoint_get_type },
    { "document", atlas_document_get_type },
    { "claim", atlas_claim_get_type },
    { "actor", atlas_actor_get_type },
    { "role", atlas_role_get_type },
    { "briefing-step", atlas_briefing_step_get_type },
    { "briefing", atlas_briefing_get_type },
    { "relation", atlas_claim_relation_get_type },
    { "attachment", atlas_attachment_get_type },
    { "history", atlas_history_entry_get_type },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].kind))
      return kinds[i].get_type ();
  return G_TYPE_INVALID;
}

static sqlite3_stmt *
prepare (AtlasCase   *self,
         const char  *sql,
         GError     **error)
{
  return atlas_case_schema_prepare (self->db, sql, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* SQLite hands back text as the file stores it, UTF-8 or not, and a case file may come
 * from anywhere; labels and exports need UTF-8. Returns @column's text, or a repaired copy
 * of it left in @repaired for the caller to free. */
static const char *
column_utf8 (sqlite3_stmt  *stmt,
             int            column,
             char         **repaired)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  return *repaired = g_utf8_make_valid (text, -1);
}

/* column_utf8(), for text shown to people: a crafted file may hold megabytes in a title,
 * which labels would take minutes to lay out, so longer text is cut with a mark saying so.
 * Keys are never cut: they identify records. */
static const char *
column_display_text (sqlite3_stmt  *stmt,
                     int            column,
                     char         **repaired)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autofree char *valid = NULL;

  if (text == NULL || sqlite3_column_bytes (stmt, column) <= ATLAS_CASE_MAX_TEXT_BYTES)
    return column_utf8 (stmt, column, repaired);

  valid = g_utf8_make_valid (text, ATLAS_CASE_MAX_TEXT_BYTES);
  /* Translators: ends a text from a case file that was too long to show whole */
  return *repaired = g_strconcat (valid, _(" […text cut here: it is too long to show]"), NULL);
}

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
}

static sqlite3 *
open_connection (const char  *path,
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
check_integrity (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT,
                   _("it is damaged: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT,
                   _("it is damaged: %s"), result ? result : "");
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
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW
      || (value = column_display_text (stmt, 0, &repaired)) == NULL)
    return g_strdup ("");
  return g_strdup (value);
}

static gboolean
run_in_transaction (sqlite3   *db,
                    gboolean (*work) (sqlite3 *db, gpointer data, GError **error),
                    gpointer   data,
                    GError   **error)
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
  sqlite3 *db = open_connection (path, SQLITE_OPEN_READWRITE, error);

  if (db == NULL)
    return NULL;

  /* WAL with synchronous NORMAL survives a crash of the app intact; a large page cache
   * keeps a big import's transaction in memory instead of spilling it to disk. */
  if (!atlas_case_schema_check_trusted (db, error)
      || !atlas_case_schema_exec (db, "PRAGMA journal_mode = WAL;"
                                      "PRAGMA synchronous = NORMAL;"
                                      "PRAGMA cache_size = -262144;"
                                      "PRAGMA temp_store = MEMORY", error))
    {
      sqlite3_close (db);
      return NULL;
    }

  /* SQLite refuses the GeoPackage R-tree triggers while the schema is untrusted. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL);

  if (version < ATLAS_CASE_SCHEMA_VERSION
      && !run_in_transaction (db, migrate_work, GINT_TO_POINTER (version), error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
validate_file (sqlite3  *db,
               int      *version,
               GError  **error)
{
  return check_is_geopackage (db, error)
         && check_integrity (db, error)
         && check_schema_version (db, version, error);
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
  db = open_connection (path, SQLITE_OPEN_READWRITE, NULL);
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
    return open_connection (path, SQLITE_OPEN_READONLY, error);

  if (has_wal_content (path))
    {
      copy = atlas_case_file_copy_with_log (path, &folder, error);
      if (copy == NULL)
        return NULL;
      g_object_set_data_full (G_OBJECT (self), "atlas-case-copy", folder,
                              (GDestroyNotify) atlas_case_file_remove_copy);
      return open_connection (copy, SQLITE_OPEN_READONLY, error);
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return open_connection (path, SQLITE_OPEN_READONLY, error);
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return open_connection (immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
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
  if (self->db == NULL || !validate_file (self->db, &version, error))
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
      sqlite3 *writable = open_for_writing (path, version, error);

      if (writable == NULL)
        return NULL;
      sqlite3_close (self->db);
      self->db = writable;
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
  bind_text (stmt, 1, data);
  return sqlite3_step (stmt) == SQLITE_DONE
         || atlas_case_schema_set_error (error, db, _("the case could not be created"));
}

static gboolean
create_file_at (const char  *path,
                const char  *title,
                GError     **error)
{
  sqlite3 *db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  ok = run_in_transaction (db, create_work, (gpointer) title, error);
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

/* ---- writing ---------------------------------------------------------------------- */

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

  if (refuse_if_read_only (self, error))
    return FALSE;
  g_mutex_lock (&self->write_lock);
  written = run_in_transaction (self->db, work, data, error);
  g_mutex_unlock (&self->write_lock);
  return written;
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
 * atlas_case_write_records() for large writes, which may run on a worker thread. A write
 * of tens of thousands of records leaves the search index behind; bring it up to date with
 * atlas_case_update_search_index().
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

  if (!run_write (self, write_work, &job, error))
    return FALSE;
  _atlas_case_announce_write (self);
  return TRUE;
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

  if (!run_write (self, write_work, &job, error))
    return FALSE;
  _atlas_case_announce_write (self);
  return TRUE;
}

static gboolean
index_work (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  gpointer *job = data;

  return atlas_case_writer_index_chunk (job[0], job[1], error);
}

/**
 * atlas_case_get_search_pending:
 *
 * Returns: %TRUE when records were written that search does not find yet
 */
gboolean
atlas_case_get_search_pending (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  return !self->read_only && atlas_case_writer_search_pending (self->writer);
}

/* Copies what a large write left in the write-ahead log back into the file, through a
 * connection of its own: the case's connection, which the window reads through, stays free
 * meanwhile. Best effort: otherwise the next commit copies it. */
static void
checkpoint_aside (AtlasCase *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  sqlite3 *db = path != NULL ? open_connection (path, SQLITE_OPEN_READWRITE, NULL) : NULL;

  if (db == NULL)
    return;
  sqlite3_wal_checkpoint_v2 (db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  sqlite3_close (db);
}

/**
 * atlas_case_update_search_index:
 * @cancellable: (nullable): stops between chunks; what was indexed stays indexed
 *
 * Indexes for search what large writes left behind, in short transactions, so other writes
 * wait for one chunk at most; first, it copies what they left in the write-ahead log back
 * into the file. Blocks: call from a worker thread.
 */
gboolean
atlas_case_update_search_index (AtlasCase     *self,
                                GCancellable  *cancellable,
                                GError       **error)
{
  gboolean more = TRUE;
  gpointer job[] = { NULL, &more };

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  if (self->read_only)
    return TRUE;
  checkpoint_aside (self);
  job[0] = self->writer;
  while (more)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || !run_write (self, index_work, job, error))
      return FALSE;
  return TRUE;
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

/* ---- reading ---------------------------------------------------------------------- */

static char *
build_select_sql (AtlasRecordClass *klass,
                  const char       *where_and_order)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, key");

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->fields[i].name);
  g_string_append_printf (sql, " FROM %s %s", klass->table, where_and_order);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* @whole: read text as stored, not cut for display (what an edit compares and keeps) */
static AtlasRecord *
record_from_row_full (GType         type,
                      sqlite3_stmt *stmt,
                      gboolean      whole)
{
  AtlasRecord *record = g_object_new (type, NULL);
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);
  g_autofree char *repaired = NULL;

  atlas_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  g_object_set (record, "key", column_utf8 (stmt, 1, &repaired), NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const AtlasField *field = &klass->fields[i];
      int column = (int) i + 2;

      g_clear_pointer (&repaired, g_free);
      if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
        continue;
      if (field->type == ATLAS_FIELD_TEXT)
        atlas_record_set_text (record, field->name,
                               whole ? column_utf8 (stmt, column, &repaired)
                                     : column_display_text (stmt, column, &repaired));
      else if (field->type == ATLAS_FIELD_DOUBLE)
        atlas_record_set_double (record, field->name, sqlite3_column_double (stmt, column));
      else
        atlas_record_set_int (record, field->name, sqlite3_column_int64 (stmt, column));
    }
  return record;
}

static AtlasRecord *
record_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  return record_from_row_full (type, stmt, FALSE);
}

/* Runs a SELECT of @type's columns; @bind_values are bound in order as text. */
static GListModel *
query_records (AtlasCase   *self,
               GType        type,
               const char  *where_and_order,
               const char **bind_values,
               GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = build_select_sql (ATLAS_RECORD_CLASS (klass), where_and_order);
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  GListStore *store;
  int rc;

  if (stmt == NULL)
    return NULL;
  for (int i = 0; bind_values != NULL && bind_values[i] != NULL; i++)
    bind_text (stmt, i + 1, bind_values[i]);

  store = g_list_store_new (type);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasRecord) record = record_from_row (type, stmt);
      g_list_store_append (store, record);
    }

  if (rc != SQLITE_DONE)
    {
      g_object_unref (store);
      atlas_case_schema_set_error (error, self->db, _("the case file cannot be read"));
      return NULL;
    }
  return G_LIST_MODEL (store);
}

static const char *
default_order (GType type)
{
  if (type == ATLAS_TYPE_INCIDENT)
    return "ORDER BY start_time, title";
  if (type == ATLAS_TYPE_DOCUMENT)
    return "ORDER BY published, title";
  if (type == ATLAS_TYPE_BRIEFING_STEP || type == ATLAS_TYPE_WAYPOINT)
    return "ORDER BY seq";
  if (type == ATLAS_TYPE_ACTOR)
    return "ORDER BY name";
  if (type == ATLAS_TYPE_ROUTE)
    return "ORDER BY name";
  return "ORDER BY id";
}

/**
 * atlas_case_list_records:
 * @record_type: a subtype of #AtlasRecord
 *
 * Returns: (transfer full): every record of that kind, in its natural order
 */
GListModel *
atlas_case_list_records (AtlasCase  *self,
                         GType       record_type,
                         GError    **error)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, ATLAS_TYPE_RECORD), NULL);

  return query_records (self, record_type, default_order (record_type), NULL, error);
}

/**
 * atlas_case_lookup:
 *
 * Returns: (transfer full) (nullable): the record of @kind with @key
 */
AtlasRecord *
atlas_case_lookup (AtlasCase   *self,
                   const char  *kind,
                   const char  *key,
                   GError     **error)
{
  GType type = record_type_for_kind (kind);
  const char *values[] = { key, NULL };
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("“%s” is not a kind of record"), kind ? kind : "");
      return NULL;
    }

  found = query_records (self, type, "WHERE key = ?", values, error);
  if (found == NULL)
    return NULL;
  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                   _("the case holds no %s “%s”"), kind, key);
      return NULL;
    }
  return g_list_model_get_item (found, 0);
}

/**
 * atlas_case_lookup_by_id:
 *
 * Returns: (transfer full) (nullable): the record of @kind with row id @id
 */
AtlasRecord *
atlas_case_lookup_by_id (AtlasCase  *self,
                         const char *kind,
                         gint64      id)
{
  GType type = record_type_for_kind (kind);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *values[] = { text, NULL };
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  found = query_records (self, type, "WHERE id = CAST(? AS INTEGER)", values, NULL);
  return found && g_list_model_get_n_items (found) > 0 ? g_list_model_get_item (found, 0) : NULL;
}

GListModel *
atlas_case_list_waypoints (AtlasCase   *self,
                           const char  *route_key,
                           GError     **error)
{
  const char *values[] = { route_key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return query_records (self, ATLAS_TYPE_WAYPOINT, "WHERE route_key = ? ORDER BY seq",
                        values, error);
}

/**
 * atlas_case_list_claims:
 * @attribute: (nullable): only claims about this attribute
 *
 * Returns: (transfer full): the claims about a subject, grouped by attribute, the most
 *   credible first
 */
GListModel *
atlas_case_list_claims (AtlasCase   *self,
                        const char  *subject_kind,
                        const char  *subject_key,
                        const char  *attribute,
                        GError     **error)
{
  const char *values[] = { subject_kind, subject_key, attribute, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return query_records (self, ATLAS_TYPE_CLAIM,
                        attribute == NULL
                        ? "WHERE subject_kind = ? AND subject_key = ?"
                          " ORDER BY attribute, credibility, id"
                        : "WHERE subject_kind = ? AND subject_key = ? AND attribute = ?"
                          " ORDER BY credibility, id",
                        values, error);
}

GListModel *
atlas_case_list_claims_in_document (AtlasCase   *self,
                                    const char  *document_key,
                                    GError     **error)
{
  const char *values[] = { document_key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return query_records (self, ATLAS_TYPE_CLAIM, "WHERE document_key = ? ORDER BY id",
                        values, error);
}

GListModel *
atlas_case_list_roles (AtlasCase   *self,
                       const char  *subject_kind,
                       const char  *subject_key,
                       GError     **error)
{
  const char *values[] = { subject_kind, subject_key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return query_records (self, ATLAS_TYPE_ROLE,
                        "WHERE subject_kind = ? AND subject_key = ? ORDER BY id",
                        values, error);
}

GListModel *
atlas_case_list_roles_of_actor (AtlasCase   *self,
                                const char  *actor_key,
                                GError     **error)
{
  const char *values[] = { actor_key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return query_records (self, ATLAS_TYPE_ROLE, "WHERE actor_key = ? ORDER BY id", values, error);
}

/* The WHERE clause for incidents that pass @filter: fixed SQL fragments, with every value
 * appended to @values for binding, never written into the SQL. */
static char *
build_incident_filter_full (AtlasFilter *filter,
                            gboolean     with_dates,
                            GPtrArray   *values)
{
  g_autoptr(GString) where = g_string_new ("WHERE 1");
  const char * const *categories;
  char grade[2] = { 0, 0 };

  if (filter == NULL)
    return g_string_free (g_steal_pointer (&where), FALSE);

  if ((categories = atlas_filter_get_categories (filter)) != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) categories);

      g_string_append (where, " AND instr(?, char(10) || category || char(10)) > 0");
      g_ptr_array_add (values, g_strconcat ("\n", joined, "\n", NULL));
    }
  if (with_dates && atlas_filter_get_start_date (filter) != NULL)
    {
      g_string_append (where, " AND coalesce(end_time, start_time) >= ?");
      g_ptr_array_add (values, g_strdup (atlas_filter_get_start_date (filter)));
    }
  if (with_dates && atlas_filter_get_end_date (filter) != NULL)
    {
      /* compare on the end date's length, so "2024-01-03T09:00" is within "2024-01-03" */
      g_string_append (where, " AND substr(start_time, 1, length(?)) <= ?");
      g_ptr_array_add (values, g_strdup (atlas_filter_get_end_date (filter)));
      g_ptr_array_add (values, g_strdup (atlas_filter_get_end_date (filter)));
    }
  if ((grade[0] = atlas_filter_get_min_reliability (filter)) != 'F')
    {
      g_string_append (where, " AND EXISTS (SELECT 1 FROM claims c JOIN documents d"
                              " ON d.key = c.document_key WHERE c.subject_kind = 'incident'"
                              " AND c.subject_key = incidents.key AND d.reliability <= ?)");
      g_ptr_array_add (values, g_strdup (grade));
    }
  if (atlas_filter_get_contested_only (filter))
    g_string_append (where, " AND EXISTS (SELECT 1 FROM claims WHERE subject_kind = 'incident'"
                            " AND subject_key = incidents.key GROUP BY attribute"
                            CONTESTED_HAVING ")");

  g_ptr_array_add (values, NULL);
  return g_string_free (g_steal_pointer (&where), FALSE);
}

/* Prepares "SELECT @columns FROM incidents WHERE <the filter> @tail" with the filter's values
 * bound; @with_dates says whether its date range counts. */
static sqlite3_stmt *
prepare_incident_query (AtlasCase    *self,
                        const char   *columns,
                        AtlasFilter  *filter,
                        gboolean      with_dates,
                        const char   *tail,
                        GError      **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = build_incident_filter_full (filter, with_dates, values);
  g_autofree char *sql = g_strconcat ("SELECT ", columns, " FROM incidents ", where, " ", tail,
                                      NULL);
  sqlite3_stmt *stmt = prepare (self, sql, error);

  for (guint i = 0; stmt != NULL && i + 1 < values->len; i++)
    bind_text (stmt, (int) i + 1, g_ptr_array_index (values, i));
  return stmt;
}

static char *
build_incident_filter (AtlasFilter *filter,
                       GPtrArray   *values)
{
  return build_incident_filter_full (filter, TRUE, values);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return (x > y) - (x < y);
}

/**
 * atlas_case_load_dates:
 * @filter: (nullable): every part of it but the date range applies
 * @days: (out) (transfer full) (element-type gint32): each incident's start, in days
 *   since 1970-01-01, sorted; undated incidents are left out
 *
 * What a timeline needs, in one scan. Blocks: call it from a worker.
 */
gboolean
atlas_case_load_dates (AtlasCase     *self,
                       AtlasFilter   *filter,
                       GArray       **days,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) loaded = g_array_new (FALSE, FALSE, sizeof (gint32));
  int rc;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  stmt = prepare_incident_query (self, "start_time", filter, FALSE, "", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint32 day;

      if (atlas_date_to_day ((const char *) sqlite3_column_text (stmt, 0), FALSE, &day))
        g_array_append_val (loaded, day);
      if (loaded->len % 65536 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return atlas_case_schema_set_error (error, self->db, _("the incidents' dates cannot be read"));

  g_array_sort (loaded, compare_days);
  *days = g_steal_pointer (&loaded);
  return TRUE;
}

/**
 * atlas_case_load_map_spans:
 * @filter: (nullable): every part of it but the date range applies, as in
 *   atlas_case_load_map_points() called with a filter without dates
 * @spans: (out) (transfer full) (element-type AtlasDaySpan): each incident's first and last
 *   day, in id order; undated incidents span every day
 *
 * Lets the map apply a date range in memory, without asking the store again: what makes
 * the timeline's play fast. Blocks: call it from a worker.
 */
gboolean
atlas_case_load_map_spans (AtlasCase     *self,
                           AtlasFilter   *filter,
                           GArray       **spans,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) loaded = g_array_new (FALSE, FALSE, sizeof (AtlasDaySpan));
  int rc;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  stmt = prepare_incident_query (self, "start_time, coalesce(end_time, start_time)", filter,
                                 FALSE, "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasDaySpan span = { G_MININT32, G_MAXINT32 };

      if (!atlas_date_to_day ((const char *) sqlite3_column_text (stmt, 0), FALSE, &span.first)
          || !atlas_date_to_day ((const char *) sqlite3_column_text (stmt, 1), TRUE, &span.last))
        span = (AtlasDaySpan) { G_MININT32, G_MAXINT32 };
      g_array_append_val (loaded, span);
      if (loaded->len % 65536 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return atlas_case_schema_set_error (error, self->db, _("the incidents' dates cannot be read"));

  *spans = g_steal_pointer (&loaded);
  return TRUE;
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
  stmt = prepare (self, "VACUUM INTO ?", error);
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

/**
 * atlas_case_list_incidents:
 * @filter: (nullable): only incidents that pass it
 *
 * Returns: (transfer full): the incidents, by date
 */
GListModel *
atlas_case_list_incidents (AtlasCase    *self,
                           AtlasFilter  *filter,
                           GError      **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  where = build_incident_filter (filter, values);
  sql = g_strconcat (where, " ", default_order (ATLAS_TYPE_INCIDENT), NULL);
  return query_records (self, ATLAS_TYPE_INCIDENT, sql, (const char **) values->pdata, error);
}

/* A NULL in a crafted file (constraints are not checked on reading) would end the list
 * early and leak the strings after it. */
static void
add_text_column (GStrvBuilder *builder,
                 sqlite3_stmt *stmt)
{
  g_autofree char *repaired = NULL;
  const char *text = column_display_text (stmt, 0, &repaired);

  if (text != NULL)
    g_strv_builder_add (builder, text);
}

static char **
query_strings (AtlasCase   *self,
               const char  *sql,
               GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_text_column (builder, stmt);
  return g_strv_builder_end (builder);
}

/**
 * atlas_case_list_categories:
 *
 * Returns: (transfer full): the incident categories the case uses, sorted
 */
char **
atlas_case_list_categories (AtlasCase  *self,
                            GError    **error)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return query_strings (self, "SELECT DISTINCT category FROM incidents ORDER BY category", error);
}

/* Suggestions are read from the newest rows only: a form opens at once on a case of a
 * million claims, and what an analyst adds next is most like what was added last. */
#define SUGGESTION_ROWS 100000
#define RECENT_CLAIMS \
  "SELECT attribute, attributed_to FROM claims ORDER BY id DESC LIMIT " \
  G_STRINGIFY (SUGGESTION_ROWS)

/**
 * atlas_case_list_suggestions:
 * @field: "attribute" (of claims), "attributed_to" (parties claims are attributed to, with
 *   the actors' names), "doc_kind" (kinds of source), "category" (of incidents),
 *   "actor_kind" or "role" (of actors in incidents)
 *
 * Returns: (transfer full): the values the case's newest records use for @field, most used
 *   first (at most 100), for forms to suggest
 */
char **
atlas_case_list_suggestions (AtlasCase   *self,
                             const char  *field,
                             GError     **error)
{
  static const char *const queries[][2] = {
    { "attribute", "SELECT attribute FROM (" RECENT_CLAIMS ")"
                   " GROUP BY 1 ORDER BY count(*) DESC LIMIT 100" },
    { "attributed_to", "SELECT p FROM (SELECT attributed_to AS p FROM (" RECENT_CLAIMS ")"
                       " WHERE attributed_to IS NOT NULL UNION ALL SELECT name FROM actors)"
                       " GROUP BY 1 ORDER BY count(*) DESC LIMIT 100" },
    { "doc_kind", "SELECT doc_kind FROM documents GROUP BY 1 ORDER BY count(*) DESC LIMIT 100" },
    { "category", "SELECT category FROM (SELECT category FROM incidents ORDER BY id DESC"
                  " LIMIT " G_STRINGIFY (SUGGESTION_ROWS) ") GROUP BY 1 ORDER BY count(*) DESC"
                  " LIMIT 100" },
    { "actor_kind", "SELECT actor_kind FROM actors GROUP BY 1 ORDER BY count(*) DESC LIMIT 100" },
    { "role", "SELECT role FROM roles GROUP BY 1 ORDER BY count(*) DESC LIMIT 100" },
  };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_strcmp0 (field, queries[i][0]) == 0)
      return query_strings (self, queries[i][1], error);
  g_return_val_if_reached (NULL);
}

/**
 * atlas_case_list_route_statuses:
 *
 * Returns: (transfer full): the statuses of the case's routes (reported, alleged…), sorted
 */
char **
atlas_case_list_route_statuses (AtlasCase  *self,
                                GError    **error)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  return query_strings (self, "SELECT DISTINCT status FROM routes ORDER BY status", error);
}

/**
 * atlas_location_precision_from_string:
 *
 * Returns: the precision named by @text; unknown or missing text counts as a town
 */
AtlasLocationPrecision
atlas_location_precision_from_string (const char *text)
{
  static const char *const names[] = { "site", "town", "district", "province", "country" };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      return (AtlasLocationPrecision) i;
  return ATLAS_LOCATION_TOWN;
}

static guint16
category_index (GHashTable  *indexes,
                GPtrArray   *categories,
                const char  *category)
{
  gpointer index;

  /* NOT NULL is not checked when a file is read: a crafted one may have no category */
  if (category == NULL)
    category = "";
  if (g_hash_table_lookup_extended (indexes, category, NULL, &index))
    return (guint16) GPOINTER_TO_UINT (index);

  /* the legend shows the name: UTF-8, whatever the file holds */
  g_ptr_array_add (categories, g_utf8_make_valid (category, -1));
  g_hash_table_insert (indexes, g_strdup (category), GUINT_TO_POINTER (categories->len - 1));
  return (guint16) (categories->len - 1);
}

/**
 * atlas_case_load_map_points:
 * @filter: (nullable): only incidents that pass it
 * @points: (out) (transfer full) (element-type AtlasMapPoint): every incident's position,
 *   in id order
 * @precisions: (out) (transfer full): the #AtlasLocationPrecision of each point
 * @categories: (out) (transfer full): the category names the points' indexes refer to
 *
 * What the map needs of every incident, in one scan. Blocks: call it from a worker.
 */
gboolean
atlas_case_load_map_points (AtlasCase     *self,
                            AtlasFilter   *filter,
                            GArray       **points,
                            GByteArray   **precisions,
                            char        ***categories,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) loaded = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  g_autoptr(GByteArray) loaded_precisions = g_byte_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_incident_query (self, "id, latitude, longitude, category, location_precision",
                                 filter, TRUE, "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasMapPoint point = {
        .id = sqlite3_column_int64 (stmt, 0),
        .latitude = sqlite3_column_double (stmt, 1),
        .longitude = sqlite3_column_double (stmt, 2),
        .category = category_index (indexes, names, (const char *) sqlite3_column_text (stmt, 3)),
      };
      guint8 precision = atlas_location_precision_from_string (
        (const char *) sqlite3_column_text (stmt, 4));

      g_array_append_val (loaded, point);
      g_byte_array_append (loaded_precisions, &precision, 1);
      if (loaded->len % 65536 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return atlas_case_schema_set_error (error, self->db, _("the incidents cannot be read"));

  g_ptr_array_add (names, NULL);
  *points = g_steal_pointer (&loaded);
  *precisions = g_steal_pointer (&loaded_precisions);
  *categories = (char **) g_ptr_array_steal (names, NULL);
  return TRUE;
}

/**
 * atlas_case_list_contested_attributes:
 *
 * An attribute is contested when its claims give different figures, or a figure and a
 * claim without one (see CONTESTED_HAVING). Who holds which is atlas_case_list_claims()
 * for that attribute.
 *
 * Returns: (transfer full): the contested attributes of the subject, sorted
 */
char **
atlas_case_list_contested_attributes (AtlasCase   *self,
                                      const char  *subject_kind,
                                      const char  *subject_key,
                                      GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  /* figures that differ, or a claim the analyst marked as contradicting another */
  stmt = prepare (self, "SELECT attribute FROM claims WHERE subject_kind = ?1 AND subject_key = ?2"
                        " GROUP BY attribute" CONTESTED_HAVING
                        " UNION SELECT c.attribute FROM claims c JOIN claim_relations r"
                        "  ON r.relation = 'contradicts' AND c.key IN (r.claim_key, r.other_key)"
                        " WHERE c.subject_kind = ?1 AND c.subject_key = ?2"
                        " ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;

  bind_text (stmt, 1, subject_kind);
  bind_text (stmt, 2, subject_key);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_text_column (builder, stmt);
  return g_strv_builder_end (builder);
}

/* Turns what a person types into an FTS5 query: every word a quoted prefix, so no input
 * is read as FTS syntax and results come as they type. */
static char *
build_match_query (const char *text)
{
  g_auto(GStrv) words = g_str_tokenize_and_fold (text, NULL, NULL);
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;
      g_auto(GStrv) parts = g_strsplit (words[i], "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (query, "%s\"%s\"*", i > 0 ? " " : "", escaped);
    }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * atlas_case_search:
 *
 * Returns: (transfer full): records whose text matches @text, best first
 */
GListModel *
atlas_case_search (AtlasCase   *self,
                   const char  *text,
                   GError     **error)
{
  g_autofree char *query = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListStore *results;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  results = g_list_store_new (ATLAS_TYPE_RECORD);
  query = build_match_query (text);
  if (*query == '\0')
    return G_LIST_MODEL (results);

  stmt = prepare (self, "SELECT kind, key FROM search_index WHERE search_index MATCH ?"
                        " ORDER BY rank LIMIT " G_STRINGIFY (SEARCH_LIMIT), error);
  if (stmt == NULL)
    return g_object_unref (results), NULL;

  bind_text (stmt, 1, query);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(AtlasRecord) record =
        atlas_case_lookup (self, (const char *) sqlite3_column_text (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1), NULL);
      if (record != NULL)
        g_list_store_append (results, record);
    }
  return G_LIST_MODEL (results);
}

void
atlas_case_get_counts (AtlasCase       *self,
                       AtlasCaseCounts *counts)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint *fields[] = { &counts->incidents, &counts->routes, &counts->waypoints,
                      &counts->documents, &counts->claims, &counts->actors,
                      &counts->briefing_steps };

  g_return_if_fail (ATLAS_IS_CASE (self));

  memset (counts, 0, sizeof *counts);
  stmt = prepare (self, "SELECT (SELECT count(*) FROM incidents), (SELECT count(*) FROM routes),"
                        " (SELECT count(*) FROM waypoints), (SELECT count(*) FROM documents),"
                        " (SELECT count(*) FROM claims), (SELECT count(*) FROM actors),"
                        " (SELECT count(*) FROM briefing_steps)", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = (guint) sqlite3_column_int64 (stmt, (int) i);
}

/**
 * atlas_case_get_extent:
 *
 * Returns: %TRUE with @extent set to the box around every incident and waypoint, or
 *   %FALSE for a case with nothing on the map
 */
gboolean
atlas_case_get_extent (AtlasCase   *self,
                       AtlasBounds *extent)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  stmt = prepare (self, "SELECT min(min_x), min(min_y), max(max_x), max(max_y)"
                        " FROM gpkg_contents WHERE table_name IN ('incidents', 'waypoints')",
                  NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW
      || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;

  extent->min_lon = sqlite3_column_double (stmt, 0);
  extent->min_lat = sqlite3_column_double (stmt, 1);
  extent->max_lon = sqlite3_column_double (stmt, 2);
  extent->max_lat = sqlite3_column_double (stmt, 3);

  /* A crafted file may give any numbers; the map can only frame real ones. */
  return isfinite (extent->min_lon) && isfinite (extent->max_lon)
         && isfinite (extent->min_lat) && isfinite (extent->max_lat)
         && extent->min_lon <= extent->max_lon && extent->min_lat <= extent->max_lat
         && extent->min_lon >= -180 && extent->max_lon <= 180
         && extent->min_lat >= -90 && extent->max_lat <= 90;
}

GFile *
atlas_case_get_file (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  return self->file;
}

const char *
atlas_case_get_title (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  return self->title;
}

const char *
atlas_case_get_summary (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  return self->summary;
}

gboolean
atlas_case_get_read_only (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), TRUE);
  return self->read_only;
}

/**
 * atlas_case_get_read_only_reason:
 *
 * Returns: (nullable): why a case the user asked to edit was opened read-only
 */
const char *
atlas_case_get_read_only_reason (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  return self->read_only_reason;
}

static void
atlas_case_finalize (GObject *object)
{
  AtlasCase *self = ATLAS_CASE (object);

  /* statements before the connection they belong to */
  _atlas_case_stop_watching (self);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->writer, atlas_case_writer_free);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_object (&self->file);
  g_mutex_clear (&self->write_lock);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->initial_frame, g_free);
  g_clear_pointer (&self->initial_selection, g_free);

  G_OBJECT_CLASS (atlas_case_parent_class)->finalize (object);
}

static void
atlas_case_class_init (AtlasCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_case_finalize;
  _atlas_case_class_init_signals (G_OBJECT_CLASS (klass));
}

static void
atlas_case_init (AtlasCase *self)
{
  g_mutex_init (&self->write_lock);
  self->read_only = TRUE;
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

GType
_atlas_case_record_type (const char *kind)
{
  return record_type_for_kind (kind);
}

GListModel *
_atlas_case_query (AtlasCase   *self,
                   GType        type,
                   const char  *where_and_order,
                   const char **bind_values,
                   GError     **error)
{
  return query_records (self, type, where_and_order, bind_values, error);
}

/* An attachment read to be kept whole by an edit (undo gives back its bytes too). */
static AtlasRecord *
read_attachment_content (AtlasCase    *self,
                         AtlasRecord  *record,
                         GError      **error)
{
  g_autoptr(AtlasRecord) attachment = record;
  g_autoptr(GBytes) content = atlas_case_dup_attachment_content (self,
                                                                 atlas_record_get_key (record),
                                                                 error);

  if (content == NULL)
    return NULL;
  atlas_attachment_set_content (ATLAS_ATTACHMENT (attachment), content);
  return g_steal_pointer (&attachment);
}

/**
 * atlas_case_dup_attachment_content:
 *
 * Returns: (transfer full) (nullable): the bytes of an archived copy, checked against the
 *   SHA-256 kept with them; %NULL with @error set when there is none or it does not match
 */
GBytes *
atlas_case_dup_attachment_content (AtlasCase   *self,
                                   const char  *key,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *digest = NULL;
  GBytes *content;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  stmt = prepare (self, "SELECT content, sha256 FROM attachments WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) != SQLITE_BLOB)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                   _("the case holds no archived copy “%s”"), key);
      return NULL;
    }
  content = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  if (g_strcmp0 (digest, (const char *) sqlite3_column_text (stmt, 1)) != 0)
    {
      g_bytes_unref (content);
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT,
                   _("the archived copy “%s” does not match its SHA-256: it was changed "
                     "outside Incident Atlas"), key);
      return NULL;
    }
  return content;
}

/* Returns: (transfer full) (nullable): the record of @type with @key, its text whole; %NULL
 * when there is none (@error set only when the file cannot be read) */
AtlasRecord *
_atlas_case_read_exact (AtlasCase   *self,
                        GType        type,
                        const char  *key,
                        GError     **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = build_select_sql (ATLAS_RECORD_CLASS (klass), "WHERE key = ?");
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && type == ATLAS_TYPE_ATTACHMENT)
    return read_attachment_content (self, record_from_row_full (type, stmt, TRUE), error);
  if (rc == SQLITE_ROW)
    return record_from_row_full (type, stmt, TRUE);
  if (rc != SQLITE_DONE)
    atlas_case_schema_set_error (error, self->db, _("the case file cannot be read"));
  return NULL;
}
