/* atlas-case-edit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a case changes after it is written: an edit applies in one transaction, which also
 * writes a history line for each field it changes, keeps route lines, extents and the search
 * index current, and refuses to change a record that is no longer what the edit expected
 * (another window or program changed it). Afterwards the case announces what changed, and
 * it also announces commits made by other connections to the same file.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-attachment.h"
#include "atlas-case-private.h"
#include "atlas-case-schema.h"
#include "atlas-claim.h"
#include "atlas-claim-relation.h"
#include "atlas-edit.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-history-entry.h"

/* How often the case looks for commits by other connections. */
#define WATCH_INTERVAL_MS 1000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

enum {
  RECORDS_CHANGED,
  EDIT_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  AtlasCase *self;
  AtlasEdit *edit;
  GPtrArray *touched;       /* AtlasRecord, before and after, for the writer */
  char      *time;
  gint64     edit_id;
  guint      history_lines;
} ApplyJob;

static void
apply_job_clear (ApplyJob *job)
{
  g_clear_pointer (&job->touched, g_ptr_array_unref);
  g_clear_pointer (&job->time, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ApplyJob, apply_job_clear)

static gboolean
has_point (AtlasRecordClass *klass)
{
  return atlas_record_class_find_field (klass, "latitude") != NULL;
}

static void
bind_field (sqlite3_stmt     *stmt,
            int               index,
            AtlasRecord      *record,
            const AtlasField *field)
{
  double number;

  if (field->type == ATLAS_FIELD_TEXT)
    sqlite3_bind_text (stmt, index, atlas_record_field_get_text (record, field), -1,
                       SQLITE_TRANSIENT);
  else if (field->type == ATLAS_FIELD_INT)
    sqlite3_bind_int64 (stmt, index, atlas_record_field_get_int (record, field));
  else if (isnan (number = atlas_record_field_get_double (record, field)))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, number);
}

static void
bind_point (sqlite3_stmt *stmt,
            int           index,
            AtlasRecord  *record)
{
  g_autoptr(GBytes) geom = atlas_gpkg_point_new (atlas_record_get_double (record, "latitude"),
                                                 atlas_record_get_double (record, "longitude"));

  sqlite3_bind_blob (stmt, index, g_bytes_get_data (geom, NULL), (int) g_bytes_get_size (geom),
                     SQLITE_TRANSIENT);
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           sqlite3       *db,
           GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID, "%s", sqlite3_errmsg (db));
  return FALSE;
}

/* ---- the rows ---------------------------------------------------------------------- */

/* An added record keeps the id it had when an undo removed it, so undo and redo give back
 * the very same rows. */
static gboolean
insert_record (sqlite3      *db,
               AtlasRecord  *record,
               GError      **error)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean point = has_point (klass);
  gboolean blob = ATLAS_IS_ATTACHMENT (record);
  GBytes *content = blob ? atlas_attachment_get_content (ATLAS_ATTACHMENT (record)) : NULL;
  int index = 3;

  /* an archived copy's bytes, or a point's geometry, follow the fields */
  g_string_append_printf (sql, "INSERT INTO %s (id, key", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->fields[i].name);
  if (point || blob)
    g_string_append (sql, point ? ", geom" : ", content");
  g_string_append (sql, ") VALUES (?, ?");
  for (guint i = 0; i < klass->n_fields + (point || blob); i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  if ((stmt = atlas_case_schema_prepare (db, sql->str, error)) == NULL)
    return FALSE;
  if (atlas_record_get_id (record) > 0)
    sqlite3_bind_int64 (stmt, 1, atlas_record_get_id (record));
  sqlite3_bind_text (stmt, 2, atlas_record_get_key (record), -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < klass->n_fields; i++)
    bind_field (stmt, index++, record, &klass->fields[i]);
  if (point)
    bind_point (stmt, index, record);
  if (content != NULL)
    sqlite3_bind_blob64 (stmt, index, g_bytes_get_data (content, NULL),
                         g_bytes_get_size (content), SQLITE_STATIC);
  if (!step_done (stmt, db, error))
    return FALSE;
  atlas_record_set_id (record, sqlite3_last_insert_rowid (db));
  return TRUE;
}

/* Writes only the fields that differ: text cut for display elsewhere is never written back. */
static gboolean
update_record (sqlite3      *db,
               AtlasRecord  *before,
               AtlasRecord  *after,
               GError      **error)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (after);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean moved = FALSE;
  int index = 1;

  for (guint i = 0; i < klass->n_fields; i++)
    if (!atlas_record_field_equal (before, after, &klass->fields[i]))
      {
        g_ptr_array_add (changed, (gpointer) &klass->fields[i]);
        moved |= g_str_equal (klass->fields[i].name, "latitude")
                 || g_str_equal (klass->fields[i].name, "longitude");
      }
  if (changed->len == 0)
    return TRUE;

  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < changed->len; i++)
    {
      const char *name = ((const AtlasField *) g_ptr_array_index (changed, i))->name;

      g_string_append_printf (sql, "%s%s = ?", i > 0 ? ", " : "", name);
      /* a claim's text the analyst changed is stored plain (see atlas-column-set.c) */
      if (ATLAS_IS_CLAIM (after) && g_str_equal (name, "value_text"))
        g_string_append (sql, ", column_set = NULL");
    }
  g_string_append (sql, moved ? ", geom = ? WHERE key = ?" : " WHERE key = ?");

  if ((stmt = atlas_case_schema_prepare (db, sql->str, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < changed->len; i++)
    bind_field (stmt, index++, after, g_ptr_array_index (changed, i));
  if (moved)
    bind_point (stmt, index++, after);
  sqlite3_bind_text (stmt, index, atlas_record_get_key (after), -1, SQLITE_TRANSIENT);
  return step_done (stmt, db, error);
}

static gboolean
delete_record (sqlite3      *db,
               AtlasRecord  *record,
               GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE key = ?",
                                          ATLAS_RECORD_GET_CLASS (record)->table);
  g_autoptr(sqlite3_stmt) stmt = atlas_case_schema_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, atlas_record_get_key (record), -1, SQLITE_TRANSIENT);
  return step_done (stmt, db, error);
}

/* ---- checks ------------------------------------------------------------------------ */

static gboolean
records_equal (AtlasRecord *a,
               AtlasRecord *b)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (a);

  for (guint i = 0; i < klass->n_fields; i++)
    if (!atlas_record_field_equal (a, b, &klass->fields[i]))
      return FALSE;
  return TRUE;
}

/* The record must still be what the edit was made from: otherwise someone else changed
 * it meanwhile, and writing would undo their change without a word. */
static gboolean
check_current (AtlasCase    *self,
               AtlasRecord  *before,
               AtlasRecord  *after,
               GError      **error)
{
  AtlasRecord *any = before ? before : after;
  const char *key = atlas_record_get_key (any);
  g_autoptr(AtlasRecord) current = NULL;
  g_autoptr(GError) local_error = NULL;

  current = _atlas_case_read_exact (self, G_OBJECT_TYPE (any), key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (before == NULL && current != NULL)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_EXISTS,
                   _("the case already holds a %s “%s”"), atlas_record_get_kind (any), key);
      return FALSE;
    }
  if (before != NULL && (current == NULL || !records_equal (current, before)))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CONFLICT,
                   _("%s “%s” was changed meanwhile, in another window or program; nothing "
                     "was written"), atlas_record_get_kind (any), key);
      return FALSE;
    }
  /* the row id lets the search index find the record's row */
  if (before != NULL)
    atlas_record_set_id (before, atlas_record_get_id (current));
  if (before != NULL && after != NULL)
    atlas_record_set_id (after, atlas_record_get_id (current));
  return TRUE;
}

static guint
count_dependents (AtlasCase   *self,
                  AtlasRecord *record)
{
  g_autoptr(GListModel) dependents = atlas_case_list_dependents (self, record, NULL);

  return dependents != NULL ? g_list_model_get_n_items (dependents) : 0;
}

/* A record others refer to cannot go alone: an edit removes what cites it first. */
static gboolean
check_removable (AtlasCase    *self,
                 AtlasRecord  *record,
                 GError      **error)
{
  guint n = count_dependents (self, record);

  if (n == 0)
    return TRUE;
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "%s “%s” is still cited by %u record",
                            "%s “%s” is still cited by %u records", n),
               atlas_record_get_kind (record), atlas_record_get_key (record), n);
  return FALSE;
}

/* ---- history ----------------------------------------------------------------------- */

/* A few words that name a record in its history: its title, name or value. */
static char *
describe (AtlasRecord *record)
{
  static const char *const names[] = { "title", "name", "value_text", "place", "caption",
                                       "relation", "role" };
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (atlas_record_class_find_field (klass, names[i]) != NULL
        && atlas_record_get_text (record, names[i]) != NULL)
      return g_strdup (atlas_record_get_text (record, names[i]));
  return g_strdup (atlas_record_get_key (record));
}

static gboolean
write_history_line (ApplyJob     *job,
                    sqlite3      *db,
                    AtlasRecord  *record,
                    const char   *action,
                    const char   *field,
                    const char   *old_value,
                    const char   *new_value,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = g_strdup_printf ("edit-%" G_GINT64_FORMAT ".%u", job->edit_id,
                                          ++job->history_lines);
  g_autofree char *label = atlas_edit_get_is_undo (job->edit)
                           ? g_strdup_printf (_("Undo: %s"), atlas_edit_get_label (job->edit))
                           : g_strdup (atlas_edit_get_label (job->edit));

  stmt = atlas_case_schema_prepare (db, "INSERT INTO history (key, edit, time, author, label,"
                                        " action, subject_kind, subject_key, field, old_value,"
                                        " new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, job->edit_id);
  sqlite3_bind_text (stmt, 3, job->time, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, atlas_case_get_author (job->self), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, atlas_record_get_kind (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, atlas_record_get_key (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, new_value, -1, SQLITE_STATIC);
  return step_done (stmt, db, error);
}

/* One line for an addition or a removal, one per changed field for a change. */
static gboolean
write_history (ApplyJob     *job,
               sqlite3      *db,
               AtlasRecord  *before,
               AtlasRecord  *after,
               GError      **error)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (before ? before : after);
  g_autofree char *description = NULL;

  if (before == NULL || after == NULL)
    {
      description = describe (before ? before : after);
      return write_history_line (job, db, before ? before : after, before ? "delete" : "add",
                                 NULL, before ? description : NULL,
                                 after ? description : NULL, error);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const AtlasField *field = &klass->fields[i];
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      if (atlas_record_field_equal (before, after, field))
        continue;
      old_value = atlas_record_field_to_string (before, field);
      new_value = atlas_record_field_to_string (after, field);
      if (!write_history_line (job, db, after, "change", field->name, old_value, new_value,
                               error))
        return FALSE;
    }
  return TRUE;
}

static gint64
next_edit_id (sqlite3 *db)
{
  /* the last line's edit, found by its row id: max(edit) would read every line */
  g_autoptr(sqlite3_stmt) stmt = atlas_case_schema_prepare (db, "SELECT coalesce((SELECT edit"
                                                                " FROM history ORDER BY id DESC"
                                                                " LIMIT 1), 0) + 1", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 1;
}

/* ---- applying ---------------------------------------------------------------------- */

static gboolean
apply_step (ApplyJob     *job,
            sqlite3      *db,
            AtlasRecord  *before,
            AtlasRecord  *after,
            GError      **error)
{
  if (!check_current (job->self, before, after, error))
    return FALSE;
  if (after != NULL && !atlas_case_writer_check_record (job->self->writer, after, error))
    return FALSE;

  /* the search index is told a row's old words before it changes (atlas-case-schema.c) */
  if (before != NULL && !atlas_case_writer_unindex_record (job->self->writer, before, error))
    return FALSE;
  if (before == NULL && !insert_record (db, after, error))
    return FALSE;
  if (before != NULL && after != NULL && !update_record (db, before, after, error))
    return FALSE;
  if (after == NULL && (!delete_record (db, before, error)
                        || !check_removable (job->self, before, error)))
    return FALSE;
  if (after != NULL && !atlas_case_writer_index_record (job->self->writer, after, error))
    return FALSE;

  if (before != NULL)
    g_ptr_array_add (job->touched, g_object_ref (before));
  if (after != NULL)
    g_ptr_array_add (job->touched, g_object_ref (after));
  return write_history (job, db, before, after, error);
}

static gboolean
touch_contents (sqlite3      *db,
                GPtrArray    *records,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = atlas_case_schema_prepare (db, "UPDATE gpkg_contents SET last_change ="
                                        " strftime('%Y-%m-%dT%H:%M:%fZ','now')"
                                        " WHERE table_name IN (?, 'history')", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, ATLAS_RECORD_GET_CLASS (g_ptr_array_index (records, i))->table,
                         -1, SQLITE_STATIC);
      if (!step_done (stmt, db, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_work (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  ApplyJob *job = data;

  job->edit_id = next_edit_id (db);
  for (guint i = 0; i < atlas_edit_get_n_steps (job->edit); i++)
    {
      AtlasRecord *before, *after;

      atlas_edit_get_step (job->edit, i, &before, &after);
      if (!apply_step (job, db, before, after, error))
        {
          g_prefix_error (error, _("%s: "), atlas_edit_get_label (job->edit));
          return FALSE;
        }
    }
  return atlas_case_writer_finish_edit (job->self->writer, job->touched, error)
         && touch_contents (db, job->touched, error);
}

/* Announces the keys of each kind the edit touched, one signal per kind. */
static void
announce (AtlasCase *self,
          GPtrArray *touched)
{
  g_autoptr(GHashTable) by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer kind, keys;

  for (guint i = 0; i < touched->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (touched, i);
      GPtrArray *list = g_hash_table_lookup (by_kind, atlas_record_get_kind (record));

      if (list == NULL)
        g_hash_table_insert (by_kind, (gpointer) atlas_record_get_kind (record),
                             list = g_ptr_array_new_null_terminated (4, NULL, TRUE));
      g_ptr_array_add (list, (gpointer) atlas_record_get_key (record));
    }

  g_hash_table_iter_init (&iter, by_kind);
  while (g_hash_table_iter_next (&iter, &kind, &keys))
    g_signal_emit (self, signals[RECORDS_CHANGED], 0, kind, ((GPtrArray *) keys)->pdata);
}

static int
read_data_version (AtlasCase *self)
{
  g_autoptr(sqlite3_stmt) stmt = atlas_case_schema_prepare (self->db, "PRAGMA data_version",
                                                            NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

/**
 * atlas_case_apply_edit:
 *
 * Applies @edit in one transaction with its history, or nothing of it: each record it
 * changes or removes must still be as the edit found it, each record it writes must be
 * valid, and nothing may be left citing a removed record. Then emits
 * #AtlasCase::records-changed for what changed. The records added get their row ids in
 * @edit, so that its inverse and a redo give back the same rows.
 */
gboolean
atlas_case_apply_edit (AtlasCase  *self,
                       AtlasEdit  *edit,
                       GError    **error)
{
  g_auto(ApplyJob) job = { self, edit, g_ptr_array_new_with_free_func (g_object_unref) };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (ATLAS_IS_CASE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_EDIT (edit), FALSE);

  job.time = g_date_time_format_iso8601 (now);
  if (!_atlas_case_run_write (self, apply_work, &job, error))
    return FALSE;

  g_signal_emit (self, signals[EDIT_APPLIED], 0, edit);
  announce (self, job.touched);
  return TRUE;
}

/* ---- what depends on a record ------------------------------------------------------- */

typedef struct {
  const char *kind;         /* of the record depended on; NULL: any */
  const char *dependent;    /* kind of the records that depend on it */
  const char *where;        /* ?1 is the record's kind, ?2 its key */
} Dependency;

static const Dependency dependencies[] = {
  { "document", "claim", "WHERE document_key = ?2" },
  { "document", "attachment", "WHERE document_key = ?2" },
  { NULL, "claim", "WHERE subject_kind = ?1 AND subject_key = ?2" },
  { NULL, "role", "WHERE subject_kind = ?1 AND subject_key = ?2" },
  { "actor", "role", "WHERE actor_key = ?2" },
  { "route", "waypoint", "WHERE route_key = ?2" },
  { NULL, "briefing-step", "WHERE subject_kind = ?1 AND subject_key = ?2" },
  { "briefing", "briefing-step", "WHERE briefing_key = ?2" },
  { "claim", "relation", "WHERE claim_key = ?2 OR other_key = ?2" },
};

static void
append_model (GListStore *store,
              GListModel *model)
{
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_list_store_append (store, item);
    }
}

/**
 * atlas_case_list_dependents:
 *
 * Returns: (transfer full): the records that cite @record directly (claims of a document or
 *   about a subject, roles, waypoints of a route, briefing steps, relations of a claim)
 */
GListModel *
atlas_case_list_dependents (AtlasCase    *self,
                            AtlasRecord  *record,
                            GError      **error)
{
  GListStore *store = g_list_store_new (ATLAS_TYPE_RECORD);
  const char *kind = atlas_record_get_kind (record);
  const char *values[] = { kind, atlas_record_get_key (record), NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dependencies); i++)
    {
      g_autoptr(GListModel) found = NULL;

      if (dependencies[i].kind != NULL && !g_str_equal (dependencies[i].kind, kind))
        continue;
      found = _atlas_case_query (self, _atlas_case_record_type (dependencies[i].dependent),
                                 dependencies[i].where, values, error);
      if (found == NULL)
        {
          g_object_unref (store);
          return NULL;
        }
      append_model (store, found);
    }
  return G_LIST_MODEL (store);
}

static gboolean
add_removals (AtlasCase    *self,
              AtlasEdit    *edit,
              AtlasRecord  *record,
              GHashTable   *seen,
              GError      **error)
{
  g_autofree char *id = g_strconcat (atlas_record_get_kind (record), ":",
                                     atlas_record_get_key (record), NULL);
  g_autoptr(GListModel) dependents = NULL;
  g_autoptr(AtlasRecord) whole = NULL;

  if (!g_hash_table_add (seen, g_steal_pointer (&id)))
    return TRUE;
  if ((dependents = atlas_case_list_dependents (self, record, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (dependents); i++)
    {
      g_autoptr(AtlasRecord) dependent = g_list_model_get_item (dependents, i);

      if (!add_removals (self, edit, dependent, seen, error))
        return FALSE;
    }

  /* what is removed is kept whole, so that undo gives it back whole */
  whole = _atlas_case_read_exact (self, G_OBJECT_TYPE (record), atlas_record_get_key (record),
                                  error);
  if (whole != NULL)
    atlas_edit_remove (edit, whole);
  return whole != NULL || (error == NULL || *error == NULL);
}

/**
 * atlas_case_build_removal:
 * @label: the edit's label
 *
 * Returns: (transfer full) (nullable): an edit that removes @record and, first, everything
 *   that cites it, however indirectly (a document's claims and their relations)
 */
AtlasEdit *
atlas_case_build_removal (AtlasCase    *self,
                          AtlasRecord  *record,
                          const char   *label,
                          GError      **error)
{
  g_autoptr(AtlasEdit) edit = atlas_edit_new (label);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (ATLAS_IS_RECORD (record), NULL);

  if (!add_removals (self, edit, record, seen, error))
    return NULL;
  return g_steal_pointer (&edit);
}

/* ---- routes ------------------------------------------------------------------------- */

/* The stop before or after @waypoint on its route, by order; %NULL at either end. */
static AtlasRecord *
neighbour_stop (AtlasCase    *self,
                AtlasRecord  *waypoint,
                int           delta,
                GError      **error)
{
  g_autoptr(GListModel) stops = atlas_case_list_waypoints (self,
                                                           atlas_record_get_text (waypoint,
                                                                                  "route_key"),
                                                           error);
  guint n = stops ? g_list_model_get_n_items (stops) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) stop = g_list_model_get_item (stops, i);

      if (g_str_equal (atlas_record_get_key (stop), atlas_record_get_key (waypoint)))
        return (int) i + delta >= 0 && (int) i + delta < (int) n
               ? g_list_model_get_item (stops, i + delta) : NULL;
    }
  return NULL;
}

/**
 * atlas_case_build_stop_move:
 * @delta: -1 to move the stop one earlier on its route, 1 one later
 *
 * Returns: (transfer full) (nullable): an edit that swaps the stop with its neighbour, or
 *   %NULL when it is already first or last (@error not set) or the route cannot be read
 */
AtlasEdit *
atlas_case_build_stop_move (AtlasCase    *self,
                            AtlasRecord  *waypoint,
                            int           delta,
                            const char   *label,
                            GError      **error)
{
  g_autoptr(AtlasRecord) other = NULL;
  g_autoptr(AtlasRecord) parked = NULL;
  g_autoptr(AtlasRecord) moved = NULL;
  g_autoptr(AtlasRecord) other_moved = NULL;
  AtlasEdit *edit;

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  g_return_val_if_fail (delta == -1 || delta == 1, NULL);

  if ((other = neighbour_stop (self, waypoint, delta, error)) == NULL)
    return NULL;

  /* (route, seq) is unique: the stop waits at an order no stop has while the other moves */
  parked = atlas_record_dup (waypoint);
  atlas_record_set_int (parked, "seq", -1 - atlas_record_get_int (waypoint, "seq"));
  other_moved = atlas_record_dup (other);
  atlas_record_set_int (other_moved, "seq", atlas_record_get_int (waypoint, "seq"));
  moved = atlas_record_dup (parked);
  atlas_record_set_int (moved, "seq", atlas_record_get_int (other, "seq"));

  edit = atlas_edit_new (label);
  atlas_edit_change (edit, waypoint, parked);
  atlas_edit_change (edit, other, other_moved);
  atlas_edit_change (edit, parked, moved);
  return edit;
}

/**
 * atlas_case_next_stop_order:
 *
 * Returns: the order (seq) a stop added at the end of @route_key takes
 */
gint64
atlas_case_next_stop_order (AtlasCase  *self,
                            const char *route_key)
{
  g_autoptr(GListModel) stops = atlas_case_list_waypoints (self, route_key, NULL);
  guint n = stops ? g_list_model_get_n_items (stops) : 0;
  g_autoptr(AtlasRecord) last = n > 0 ? g_list_model_get_item (stops, n - 1) : NULL;

  g_return_val_if_fail (ATLAS_IS_CASE (self), 1);
  return last ? atlas_record_get_int (last, "seq") + 1 : 1;
}

/* ---- reading what edits made -------------------------------------------------------- */

/**
 * atlas_case_list_history:
 *
 * Returns: (transfer full): the history lines of one record, newest first
 */
GListModel *
atlas_case_list_history (AtlasCase   *self,
                         const char  *kind,
                         const char  *key,
                         GError     **error)
{
  const char *values[] = { kind, key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  return _atlas_case_query (self, ATLAS_TYPE_HISTORY_ENTRY,
                            "WHERE subject_kind = ? AND subject_key = ? ORDER BY id DESC",
                            values, error);
}

/**
 * atlas_case_list_relations:
 *
 * Returns: (transfer full): the relations a claim has, either way round
 */
GListModel *
atlas_case_list_relations (AtlasCase   *self,
                           const char  *claim_key,
                           GError     **error)
{
  const char *values[] = { claim_key, NULL };

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);
  return _atlas_case_query (self, ATLAS_TYPE_CLAIM_RELATION,
                            "WHERE claim_key = ?1 OR other_key = ?1 ORDER BY id", values, error);
}


/**
 * atlas_case_new_key:
 * @kind: the kind of record the key is for
 *
 * Returns: (transfer full): a key no record of the case holds, for a record made in the app
 */
char *
atlas_case_new_key (AtlasCase  *self,
                    const char *kind)
{
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  /* 48 random bits: a clash within one case is not a practical concern, and check_current()
   * refuses one anyway */
  return g_strdup_printf ("%s-%.8s%.4s", kind, uuid, uuid + 9);
}

/* ---- who edits, and edits by others ------------------------------------------------- */

/* Names the author of the edits this case writes from now on in its history. */
void
atlas_case_set_author (AtlasCase  *self,
                       const char *author)
{
  g_return_if_fail (ATLAS_IS_CASE (self));

  g_free (self->author);
  self->author = author && *author ? g_strdup (author) : NULL;
}

const char *
atlas_case_get_author (AtlasCase *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE (self), NULL);

  if (self->author == NULL)
    self->author = g_strdup (g_get_real_name () && !g_str_equal (g_get_real_name (), "Unknown")
                             ? g_get_real_name () : g_get_user_name ());
  return self->author;
}

static gboolean
watch_cb (gpointer data)
{
  AtlasCase *self = data;
  int version = read_data_version (self);

  if (version != self->data_version)
    {
      self->data_version = version;
      g_signal_emit (self, signals[RECORDS_CHANGED], 0, NULL, NULL);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * atlas_case_watch:
 *
 * Looks, once a second on the main context, for commits that other connections (another
 * window, another program) made to the file, and announces them with
 * #AtlasCase::records-changed with no kind: anything may have changed.
 */
void
atlas_case_watch (AtlasCase *self)
{
  g_return_if_fail (ATLAS_IS_CASE (self));

  if (self->watch_id != 0)
    return;
  self->data_version = read_data_version (self);
  self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
}

static gboolean
announce_write_cb (gpointer data)
{
  g_signal_emit (data, signals[RECORDS_CHANGED], 0, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* A write of many records (an import) is announced as "anything may have changed", on the
 * main context whichever thread wrote, where the views listen. */
void
_atlas_case_announce_write (AtlasCase *self)
{
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, announce_write_cb, g_object_ref (self),
                              g_object_unref);
}

void
_atlas_case_stop_watching (AtlasCase *self)
{
  g_clear_handle_id (&self->watch_id, g_source_remove);
}

void
_atlas_case_class_init_signals (GObjectClass *object_class)
{
  /**
   * AtlasCase::records-changed:
   * @kind: (nullable): the kind of the records that changed; %NULL when another connection
   *   committed and anything may have changed
   * @keys: (nullable) (array zero-terminated=1): their keys
   */
  signals[RECORDS_CHANGED] = g_signal_new ("records-changed", G_TYPE_FROM_CLASS (object_class),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRV);
  /**
   * AtlasCase::edit-applied:
   * @edit: the edit just committed, each record with its row id, before records-changed
   *
   * For a view that follows an edit at once from the records themselves (the map draws
   * a moved incident where it now is while it rebuilds its index).
   */
  signals[EDIT_APPLIED] = g_signal_new ("edit-applied", G_TYPE_FROM_CLASS (object_class),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, ATLAS_TYPE_EDIT);
}
