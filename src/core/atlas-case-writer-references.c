/* atlas-case-writer-references.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether the references of the records a write adds land on records: answered from the
 * rows already written (one indexed query per key, the targets found lately remembered),
 * so that a write need not keep its records to check them, whatever its size.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-case.h"
#include "atlas-record.h"
#include "atlas-case-schema.h"
#include "atlas-case-writer-references.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _AtlasCaseReferences
{
  sqlite3    *db;
  GHashTable *lookup_statements;   /* table → "SELECT 1 … WHERE key = ?" */
  GHashTable *found_targets;       /* "table\037key" found lately, bounded */
  GPtrArray  *pending;             /* PendingReference, waiting for a later part */
};

static const char *
table_of_kind (const char *kind)
{
  static const char *const tables[][2] = {
    { "incident", "incidents" }, { "route", "routes" }, { "waypoint", "waypoints" },
    { "actor", "actors" }, { "document", "documents" }, { "claim", "claims" },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (kind, tables[i][0]))
      return tables[i][1];
  return NULL;
}

/* Targets found lately are remembered, up to this many: a chunk's claims name the same few
 * source documents again and again. */
#define MAX_FOUND_TARGETS 4096

static gboolean
look_up_key (AtlasCaseReferences *self,
             const char          *table,
             const char          *key)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->lookup_statements, table);
  gboolean found;

  if (stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE key = ?", table);

      if ((stmt = atlas_case_schema_prepare (self->db, sql, NULL)) == NULL)
        return FALSE;
      g_hash_table_insert (self->lookup_statements, (gpointer) table, stmt);
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return found;
}

/* Whether the case holds @key in @table, including the rows of the write under way: a
 * reference to a record of an earlier chunk is answered by the rows it wrote. */
static gboolean
case_holds (AtlasCaseReferences *self,
            const char          *table,
            const char          *key)
{
  char *entry = g_strconcat (table, "\037", key, NULL);

  if (g_hash_table_contains (self->found_targets, entry))
    {
      g_free (entry);
      return TRUE;
    }
  if (!look_up_key (self, table, key))
    {
      g_free (entry);
      return FALSE;
    }
  if (g_hash_table_size (self->found_targets) >= MAX_FOUND_TARGETS)
    g_hash_table_remove_all (self->found_targets);
  g_hash_table_add (self->found_targets, entry);
  return TRUE;
}

/* The keys of one chunk, per kind, so that references within it resolve without a query. */
static GHashTable *
collect_keys (GPtrArray *records)
{
  GHashTable *by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);
      const char *kind = atlas_record_get_kind (record);
      GHashTable *keys = g_hash_table_lookup (by_kind, kind);

      if (keys == NULL)
        g_hash_table_insert (by_kind, (gpointer) kind,
                             keys = g_hash_table_new (g_str_hash, g_str_equal));
      g_hash_table_add (keys, (gpointer) atlas_record_get_key (record));
    }
  return by_kind;
}

/* A subject of an unknown kind may be any record, as the case's readers look for it. */
static gboolean
resolves (AtlasCaseReferences *self,
          GHashTable          *new_keys,
          const char          *kind,
          const char          *key)
{
  static const char *const any_kind[] = { "incident", "route", "waypoint", "actor" };
  const char *table = table_of_kind (kind);
  GHashTable *keys;

  if (key == NULL)
    return FALSE;
  if (table == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (any_kind); i++)
        if (resolves (self, new_keys, any_kind[i], key))
          return TRUE;
      return FALSE;
    }
  keys = new_keys != NULL ? g_hash_table_lookup (new_keys, kind) : NULL;
  return (keys != NULL && g_hash_table_contains (keys, key)) || case_holds (self, table, key);
}

static const char *
get_text_if_any (AtlasRecord *record,
                 const char  *name)
{
  const AtlasField *field = atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (record), name);

  return field != NULL ? atlas_record_field_get_text (record, field) : NULL;
}

/* Where @record points: up to two (kind, key) pairs; a NULL kind ends them. */
static guint
list_references (AtlasRecord *record,
                 const char  *targets[2][2])
{
  const char *kind = atlas_record_get_kind (record);
  const char *subject_kind = get_text_if_any (record, "subject_kind");
  guint n = 0;

  if (g_str_equal (kind, "waypoint"))
    {
      targets[n][0] = "route";
      targets[n++][1] = atlas_record_get_text (record, "route_key");
    }
  else if (g_str_equal (kind, "claim"))
    {
      targets[n][0] = "document";
      targets[n++][1] = atlas_record_get_text (record, "document_key");
    }
  else if (g_str_equal (kind, "role"))
    {
      targets[n][0] = "actor";
      targets[n++][1] = atlas_record_get_text (record, "actor_key");
    }
  else if (g_str_equal (kind, "relation"))
    {
      targets[n][0] = "claim";
      targets[n++][1] = atlas_record_get_text (record, "claim_key");
      targets[n][0] = "claim";
      targets[n++][1] = atlas_record_get_text (record, "other_key");
    }
  if (subject_kind != NULL && !g_str_equal (subject_kind, "extent"))
    {
      targets[n][0] = subject_kind;
      targets[n++][1] = atlas_record_get_text (record, "subject_key");
    }
  return n;
}

/* A reference that did not land when its chunk was written, kept by its keys alone. */
typedef struct {
  char *from_kind;
  char *from_key;
  char *kind;
  char *key;
} PendingReference;

static void
pending_reference_free (gpointer data)
{
  PendingReference *reference = data;

  g_free (reference->from_kind);
  g_free (reference->from_key);
  g_free (reference->kind);
  g_free (reference->key);
  g_free (reference);
}

static PendingReference *
pending_reference_new (const char *from_kind,
                       const char *from_key,
                       const char *kind,
                       const char *key)
{
  PendingReference *reference = g_new (PendingReference, 1);

  reference->from_kind = g_strdup (from_kind);
  reference->from_key = g_strdup (from_key);
  reference->kind = g_strdup (kind);
  reference->key = g_strdup (key);
  return reference;
}

static gboolean
set_unresolved_error (GError     **error,
                      const char  *from_kind,
                      const char  *from_key,
                      const char  *kind,
                      const char  *key)
{
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
               _("%s “%s” refers to %s “%s”, which the case does not hold"),
               from_kind, from_key ? from_key : "", kind, key ? key : "");
  return FALSE;
}

/**
 * atlas_case_references_check:
 * @records: records just inserted
 * @may_wait: whether a reference may land on a record a later part of the write brings
 *
 * Every reference a new record makes must land on something, in this write or already in
 * the case: on @records, or on the rows written before. With @may_wait, one that does not
 * is kept by its keys for atlas_case_references_check_waiting() at the end of the write (a
 * waypoint before its route); without, the error names the first that does not land.
 */
gboolean
atlas_case_references_check (AtlasCaseReferences  *self,
                             GPtrArray            *records,
                             gboolean              may_wait,
                             GError              **error)
{
  g_autoptr(GHashTable) new_keys = collect_keys (records);

  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);
      const char *targets[2][2];
      guint n = list_references (record, targets);

      for (guint t = 0; t < n; t++)
        {
          if (resolves (self, new_keys, targets[t][0], targets[t][1]))
            continue;
          if (!may_wait || targets[t][1] == NULL)
            return set_unresolved_error (error, atlas_record_get_kind (record),
                                         atlas_record_get_key (record),
                                         targets[t][0], targets[t][1]);
          g_ptr_array_add (self->pending, pending_reference_new (atlas_record_get_kind (record),
                                                           atlas_record_get_key (record),
                                                           targets[t][0], targets[t][1]));
        }
    }
  return TRUE;
}

/**
 * atlas_case_references_check_waiting:
 *
 * Once every part of a write is in, the references that were waiting for one must land.
 */
gboolean
atlas_case_references_check_waiting (AtlasCaseReferences  *self,
                                     GError              **error)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingReference *reference = g_ptr_array_index (self->pending, i);

      if (!resolves (self, NULL, reference->kind, reference->key))
        return set_unresolved_error (error, reference->from_kind, reference->from_key,
                                     reference->kind, reference->key);
    }
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

AtlasCaseReferences *
atlas_case_references_new (sqlite3 *db)
{
  AtlasCaseReferences *self = g_new0 (AtlasCaseReferences, 1);

  self->db = db;
  self->lookup_statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                   finalize_statement);
  self->found_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func (pending_reference_free);
  return self;
}

void
atlas_case_references_free (AtlasCaseReferences *self)
{
  g_hash_table_unref (self->lookup_statements);
  g_hash_table_unref (self->found_targets);
  g_ptr_array_unref (self->pending);
  g_free (self);
}

/**
 * atlas_case_references_forget:
 *
 * Forgets what was found and what waits, at the end of a write or of an edit's step: either
 * may be rolled back, or the next step remove what was found.
 */
void
atlas_case_references_forget (AtlasCaseReferences *self)
{
  g_hash_table_remove_all (self->found_targets);
  g_ptr_array_set_size (self->pending, 0);
}
