/* atlas-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case store: the one object that owns a case file's SQLite connection. Nothing else runs
 * SQL. It answers the queries the views need as GListModels of records (the incidents
 * through a filter, for the map, the timeline and the lists: atlas-case-incidents.c);
 * atlas-case-open.c opens and checks the file, atlas-case-write.c writes records in one
 * transaction.
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
#include "atlas-column-set.h"
#include "atlas-document.h"
#include "atlas-filter.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-history-entry.h"
#include "atlas-incident.h"
#include "atlas-role.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"


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
const char *
_atlas_case_column_display_text (sqlite3_stmt  *stmt,
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

/* ---- reading ---------------------------------------------------------------------- */

/* A claim's text may be stored packed (see atlas-column-set.c): the SELECT unpacks it */
static gboolean
is_packed_field (AtlasRecordClass *klass,
                 const AtlasField *field)
{
  return G_TYPE_FROM_CLASS (klass) == ATLAS_TYPE_CLAIM && g_str_equal (field->name, "value_text");
}

static char *
build_select_sql (AtlasRecordClass *klass,
                  const char       *where_and_order)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, key");

  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", is_packed_field (klass, &klass->fields[i])
                                         ? ATLAS_COLUMN_SET_VALUE_TEXT_SQL
                                         : klass->fields[i].name);
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
                                     : _atlas_case_column_display_text (stmt, column, &repaired));
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
    return ATLAS_CASE_INCIDENT_ORDER;
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

/* A NULL in a crafted file (constraints are not checked on reading) would end the list
 * early and leak the strings after it. */
static void
add_text_column (GStrvBuilder *builder,
                 sqlite3_stmt *stmt)
{
  g_autofree char *repaired = NULL;
  const char *text = _atlas_case_column_display_text (stmt, 0, &repaired);

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

  /* from one category to the next by the index, not over every incident */
  return query_strings (self, "WITH RECURSIVE next (category) AS"
                              " (SELECT min(category) FROM incidents UNION ALL"
                              "  SELECT (SELECT min(category) FROM incidents"
                              "   WHERE category > next.category)"
                              "  FROM next WHERE next.category IS NOT NULL)"
                              " SELECT category FROM next WHERE category IS NOT NULL", error);
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
 * atlas_case_list_contested_attributes:
 *
 * An attribute is contested when its claims give different figures, or a figure and a
 * claim without one (see ATLAS_CASE_CONTESTED_HAVING). Who holds which is atlas_case_list_claims()
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
                        " GROUP BY attribute" ATLAS_CASE_CONTESTED_HAVING
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
  g_mutex_clear (&self->check_lock);
  g_mutex_clear (&self->integrity_lock);
  g_clear_pointer (&self->integrity_problem, g_free);
  g_clear_pointer (&self->check_target, g_free);
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
  _atlas_case_class_init_check (G_OBJECT_CLASS (klass));
}

static void
atlas_case_init (AtlasCase *self)
{
  g_mutex_init (&self->write_lock);
  g_mutex_init (&self->check_lock);
  g_mutex_init (&self->integrity_lock);
  self->read_only = TRUE;
}

/* ---- shared with atlas-case-edit.c ------------------------------------------------- */

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

/* Whether @type's records can be read from the file: a crafted one may lack a column. */
gboolean
_atlas_case_can_read_records (AtlasCase  *self,
                              GType       type,
                              GError    **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree char *sql = build_select_sql (ATLAS_RECORD_CLASS (klass), "LIMIT 0");
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);

  return stmt != NULL;
}
