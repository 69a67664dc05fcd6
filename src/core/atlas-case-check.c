/* atlas-case-check.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a case file is intact. SQLite's full check (PRAGMA quick_check) reads every page,
 * which takes seconds for a file of a million incidents and grows with it, so opening a
 * large file checks only what is cheap: the header and the page count against the file's
 * size (SQLite, as it first reads it), the schema (atlas-case-trust.c), and the first page
 * of every table and index. The
 * full check then runs on a connection of its own, in the background or on request, and the
 * case takes no edit until it has passed: a damaged file is never written to.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "atlas-case-error.h"
#include "atlas-case-private.h"

/* A file up to this size is checked whole as it opens: that takes a fraction of a second,
 * and such a file (every case an analyst builds by hand) never waits for its check. */
#define CHECK_ON_OPEN_MAX_BYTES (32 * 1024 * 1024)
/* Virtual machine steps between looks at the cancellable during the full check. */
#define STEPS_PER_CANCEL_CHECK 10000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

enum {
  PROP_0,
  PROP_INTEGRITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_damaged (GError     **error,
             const char  *reason)
{
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT, _("it is damaged: %s"),
               reason);
  return FALSE;
}

/* Reads the first page of each table and index through SQLite, with its dbstat table, which
 * reads a b-tree's pages one at a time as its rows are asked for, and calls a page that is
 * not a b-tree page "corrupted". Never by opening the file beside SQLite: closing that
 * would drop the locks SQLite holds on it, and another program could then empty the
 * write-ahead log under our readers. */
static gboolean
check_roots (sqlite3  *db,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) names = NULL;
  g_autoptr(sqlite3_stmt) root = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE rootpage > 0", -1, &names,
                          NULL) != SQLITE_OK)
    return set_damaged (error, sqlite3_errmsg (db));
  /* an SQLite built without dbstat: the full check reads them */
  if (sqlite3_prepare_v2 (db, "SELECT pagetype, pageno FROM dbstat WHERE name = ? LIMIT 1", -1,
                          &root, NULL) != SQLITE_OK)
    return TRUE;

  while (ok && sqlite3_step (names) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (names, 0);
      int rc;

      sqlite3_bind_text (root, 1, name, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (root);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        ok = set_damaged (error, sqlite3_errmsg (db));
      else if (rc == SQLITE_ROW
               && g_strcmp0 ((const char *) sqlite3_column_text (root, 0), "corrupted") == 0)
        {
          g_autofree char *reason =
            g_strdup_printf (_("the first page of “%s” (page %" G_GINT64_FORMAT ") is not a "
                               "table"), name, (gint64) sqlite3_column_int64 (root, 1));
          ok = set_damaged (error, reason);
        }
      sqlite3_reset (root);
    }
  return ok;
}

/**
 * _atlas_case_check_cheaply:
 *
 * What can be checked of @db's file without reading it all: that the first page of each
 * table and index is one. (That the file holds as many pages as its header counts, SQLite
 * checks itself as it first reads the file.) Takes about the same time for any size of
 * file.
 */
gboolean
_atlas_case_check_cheaply (sqlite3  *db,
                           GError  **error)
{
  return check_roots (db, error);
}

static int
stop_if_cancelled (gpointer cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* PRAGMA quick_check on @db: every page read, every b-tree walked. */
static gboolean
check_fully (sqlite3       *db,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, STEPS_PER_CANCEL_CHECK, stop_if_cancelled, cancellable);
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) != SQLITE_OK)
    return set_damaged (error, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_ROW)
    return set_damaged (error, sqlite3_errmsg (db));

  result = (const char *) sqlite3_column_text (stmt, 0);
  return g_strcmp0 (result, "ok") == 0 || set_damaged (error, result ? result : "");
}

static gboolean
notify_integrity_idle (gpointer data)
{
  g_object_notify_by_pspec (data, properties[PROP_INTEGRITY]);
  return G_SOURCE_REMOVE;
}

static void
set_integrity (AtlasCase          *self,
               AtlasCaseIntegrity  integrity,
               const char         *problem)
{
  g_mutex_lock (&self->integrity_lock);
  g_free (self->integrity_problem);
  self->integrity_problem = g_strdup (problem);
  self->integrity = integrity;
  g_mutex_unlock (&self->integrity_lock);
  /* told on the main thread, where the window listens, whichever thread checked */
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, notify_integrity_idle,
                              g_object_ref (self), g_object_unref);
}

/**
 * _atlas_case_check_on_open:
 * @db: the connection the case was opened with, for reading
 * @check_later: leave even a small file's full check for later
 *
 * The checks of a file as it opens: the cheap ones always, and the full one too when the
 * file is small enough for it to take a fraction of a second.
 */
gboolean
_atlas_case_check_on_open (AtlasCase  *self,
                           sqlite3    *db,
                           gboolean    check_later,
                           GError    **error)
{
  const char *path = sqlite3_db_filename (db, "main");
  GStatBuf info;

  if (!_atlas_case_check_cheaply (db, error))
    return FALSE;
  if (check_later || path == NULL || g_stat (path, &info) != 0
      || info.st_size > CHECK_ON_OPEN_MAX_BYTES)
    return TRUE;
  if (!check_fully (db, NULL, error))
    return FALSE;
  self->integrity = ATLAS_CASE_INTEGRITY_PASSED;
  return TRUE;
}

/**
 * _atlas_case_check_before_change:
 *
 * The full check of a file whose schema is about to change (a migration), on @db.
 */
gboolean
_atlas_case_check_before_change (AtlasCase  *self,
                                 sqlite3    *db,
                                 GError    **error)
{
  if (self->integrity == ATLAS_CASE_INTEGRITY_PASSED)
    return TRUE;
  if (!check_fully (db, NULL, error))
    return FALSE;
  self->integrity = ATLAS_CASE_INTEGRITY_PASSED;
  return TRUE;
}

/**
 * atlas_case_check_integrity:
 * @cancellable: (nullable): stops the check, which then says nothing of the file
 *
 * Checks every page of the file, on a read-only connection of its own, so the case can be
 * read meanwhile; the case takes edits once the check has passed (see
 * atlas_case_get_integrity()). Checks once: later calls return what the first found.
 * Blocks: call from a worker, or use atlas_case_check_integrity_async().
 *
 * Returns: %TRUE when the file is intact; %FALSE with @error naming the file and the damage
 */
gboolean
atlas_case_check_integrity (AtlasCase     *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db;
  gboolean intact;

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  /* one check at a time: a write that asks for it waits for one under way */
  g_mutex_lock (&self->check_lock);
  if (atlas_case_get_integrity (self) == ATLAS_CASE_INTEGRITY_UNCHECKED)
    {
      db = _atlas_case_open_connection (self->check_target, self->check_flags, &local_error);
      intact = db != NULL && check_fully (db, cancellable, &local_error);
      sqlite3_close (db);
      if (intact)
        set_integrity (self, ATLAS_CASE_INTEGRITY_PASSED, NULL);
      else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          name = g_file_get_parse_name (self->file);
          g_prefix_error (&local_error, _("“%s” cannot be edited: "), name);
          set_integrity (self, ATLAS_CASE_INTEGRITY_FAILED, local_error->message);
        }
    }
  g_mutex_unlock (&self->check_lock);

  if (local_error != NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _atlas_case_refuse_unless_intact (self, error) == FALSE;
}

/**
 * _atlas_case_refuse_unless_intact:
 *
 * Returns: %TRUE, with @error saying why, when the file has not passed its full check
 */
gboolean
_atlas_case_refuse_unless_intact (AtlasCase  *self,
                                  GError    **error)
{
  g_autofree char *name = NULL;
  gboolean refused = TRUE;

  g_mutex_lock (&self->integrity_lock);
  if (self->integrity == ATLAS_CASE_INTEGRITY_PASSED)
    refused = FALSE;
  else if (self->integrity == ATLAS_CASE_INTEGRITY_FAILED)
    g_set_error_literal (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT,
                         self->integrity_problem);
  else
    {
      name = g_file_get_parse_name (self->file);
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY,
                   _("“%s” is still being checked for damage; it can be edited once the "
                     "check has passed"), name);
    }
  g_mutex_unlock (&self->integrity_lock);
  return refused;
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (atlas_case_check_integrity (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_case_check_integrity_async:
 *
 * atlas_case_check_integrity() on a worker thread.
 */
void
atlas_case_check_integrity_async (AtlasCase           *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_CASE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_case_check_integrity_async);
  g_task_run_in_thread (task, check_in_thread);
}

gboolean
atlas_case_check_integrity_finish (AtlasCase     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atlas_case_get_integrity:
 *
 * Returns: whether the file has passed its full check, failed it, or waits for it
 */
AtlasCaseIntegrity
atlas_case_get_integrity (AtlasCase *self)
{
  AtlasCaseIntegrity integrity;

  g_return_val_if_fail (ATLAS_IS_CASE (self), ATLAS_CASE_INTEGRITY_UNCHECKED);

  g_mutex_lock (&self->integrity_lock);
  integrity = self->integrity;
  g_mutex_unlock (&self->integrity_lock);
  return integrity;
}

/**
 * atlas_case_get_can_edit:
 *
 * Returns: %TRUE when the case is open for writing and its file has passed its check
 */
gboolean
atlas_case_get_can_edit (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);

  return !atlas_case_get_read_only (self)
         && atlas_case_get_integrity (self) == ATLAS_CASE_INTEGRITY_PASSED;
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_INTEGRITY:
      g_value_set_int (value, atlas_case_get_integrity (ATLAS_CASE (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_atlas_case_class_init_check (GObjectClass *object_class)
{
  object_class->get_property = get_property;

  /**
   * AtlasCase:integrity:
   *
   * An #AtlasCaseIntegrity: whether the file has passed its full check. Notified on the
   * main thread.
   */
  properties[PROP_INTEGRITY] =
    g_param_spec_int ("integrity", NULL, NULL, ATLAS_CASE_INTEGRITY_UNCHECKED,
                      ATLAS_CASE_INTEGRITY_FAILED, ATLAS_CASE_INTEGRITY_UNCHECKED,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}
