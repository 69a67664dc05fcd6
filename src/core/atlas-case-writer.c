/* atlas-case-writer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing records into a case, within the store's transaction: checked, inserted through
 * statements prepared once, their references resolved, the R-trees, route lines and layer
 * extents brought up to date. A write can be cancelled and reports its progress.
 *
 * The full-text index takes the rows a write adds in the write's own transaction, in the
 * order of the rows, so a write returns searchable (format version 4: see
 * atlas-case-schema.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-case-layers.h"
#include "atlas-case-schema.h"
#include "atlas-case-writer.h"
#include "atlas-case-writer-references.h"
#include "atlas-claim.h"
#include "atlas-column-set.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-incident.h"
#include "atlas-rtree-loader.h"
#include "atlas-waypoint.h"

/* From this many points in one write, the R-tree is built in one go afterwards instead of
 * row by row through its triggers. */
#define BULK_POINTS 10000
/* From this many records, a write leaves copying its write-ahead log back into the file to
 * atlas_case_writer_get_log_left()'s caller. */
#define LEAVE_LOG_FROM 20000
/* Check for cancellation and report progress this often. */
#define RECORDS_PER_STEP 1000
/* Virtual machine steps between checks for cancellation inside one long statement. */
#define STEPS_PER_CHECK 100000

/* The share of a write's progress that inserting the rows takes; the R-trees, references
 * and extents take the rest. */
#define INSERT_SHARE 0.9

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _AtlasCaseWriter
{
  sqlite3               *db;
  GHashTable            *insert_statements;   /* GType → sqlite3_stmt, prepared once */
  GHashTable            *bulk_statements;     /* the same, prepared with triggers off */
  AtlasCaseReferences   *references;
  AtlasColumnSets       *column_sets;
  gboolean               bulk;
  gint64                 cache_size;          /* the connection's, during a bulk write */
  gboolean               cache_shrunk;
  gboolean               log_left;            /* by the last write */

  /* for the write under way */
  GCancellable          *cancellable;
  AtlasCaseProgressFunc  progress_func;
  gpointer               progress_data;
};

static sqlite3_stmt *
prepare (AtlasCaseWriter  *self,
         const char       *sql,
         GError          **error)
{
  return atlas_case_schema_prepare (self->db, sql, error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

AtlasCaseWriter *
atlas_case_writer_new (sqlite3 *db)
{
  AtlasCaseWriter *self = g_new0 (AtlasCaseWriter, 1);

  self->db = db;
  self->insert_statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->bulk_statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->references = atlas_case_references_new (db);
  self->column_sets = atlas_column_sets_new (db);
  return self;
}

/* Frees the statements; the connection stays the store's. */
void
atlas_case_writer_free (AtlasCaseWriter *self)
{
  g_hash_table_unref (self->insert_statements);
  g_hash_table_unref (self->bulk_statements);
  atlas_case_references_free (self->references);
  atlas_column_sets_free (self->column_sets);
  g_free (self);
}

/* ---- progress and cancellation --------------------------------------------------- */

static int
interrupt_if_cancelled (gpointer data)
{
  AtlasCaseWriter *self = data;

  return g_cancellable_is_cancelled (self->cancellable);
}

static void
begin_write (AtlasCaseWriter       *self,
             GCancellable          *cancellable,
             AtlasCaseProgressFunc  progress_func,
             gpointer               user_data)
{
  self->cancellable = cancellable;
  self->progress_func = progress_func;
  self->progress_data = user_data;
  atlas_column_sets_forget (self->column_sets);
  /* statements that run long (the R-tree, the search index) stop when cancelled */
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, STEPS_PER_CHECK, interrupt_if_cancelled, self);
}

/* A cancelled write fails with G_IO_ERROR_CANCELLED, whatever SQLite said on its way out. */
static gboolean
end_write (AtlasCaseWriter  *self,
           gboolean          written,
           GError          **error)
{
  GCancellable *cancellable = self->cancellable;

  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  self->cancellable = NULL;
  self->progress_func = NULL;
  self->progress_data = NULL;

  if (g_cancellable_is_cancelled (cancellable))
    {
      if (error != NULL)
        g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  return written;
}

static gboolean
report (AtlasCaseWriter  *self,
        double            fraction,
        GError          **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->progress_func != NULL)
    self->progress_func (CLAMP (fraction, 0.0, 1.0), self->progress_data);
  return TRUE;
}

/* ---- inserting --------------------------------------------------------------------- */

static gboolean
has_point (AtlasRecordClass *klass)
{
  return atlas_record_class_find_field (klass, "latitude") != NULL;
}

/* A claim may be stored packed, with its column_set (see atlas-column-set.c) */
static gboolean
is_claim (AtlasRecordClass *klass)
{
  return G_TYPE_FROM_CLASS (klass) == ATLAS_TYPE_CLAIM;
}

static char *
build_insert_sql (AtlasRecordClass *klass)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (key", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    g_string_append_printf (sql, ", %s", klass->fields[i].name);
  if (has_point (klass))
    g_string_append (sql, ", geom");
  if (is_claim (klass))
    g_string_append (sql, ", column_set");
  g_string_append (sql, ") VALUES (?");
  for (guint i = 0; i < klass->n_fields + has_point (klass) + is_claim (klass); i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_field (sqlite3_stmt     *stmt,
            int               index,
            AtlasRecord      *record,
            const AtlasField *field)
{
  double number;

  switch (field->type)
    {
    case ATLAS_FIELD_TEXT:
      /* the record outlives the statement's step */
      sqlite3_bind_text (stmt, index, atlas_record_field_get_text (record, field), -1,
                         SQLITE_STATIC);
      break;
    case ATLAS_FIELD_DOUBLE:
      number = atlas_record_field_get_double (record, field);
      if (isnan (number))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_double (stmt, index, number);
      break;
    case ATLAS_FIELD_INT:
      sqlite3_bind_int64 (stmt, index, atlas_record_field_get_int (record, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

static sqlite3_stmt *
get_insert_statement (AtlasCaseWriter   *self,
                      AtlasRecordClass  *klass,
                      GError           **error)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  GHashTable *statements = self->bulk ? self->bulk_statements : self->insert_statements;
  sqlite3_stmt *stmt = g_hash_table_lookup (statements, GSIZE_TO_POINTER (type));
  g_autofree char *sql = NULL;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  sql = build_insert_sql (klass);
  if ((stmt = prepare (self, sql, error)) != NULL)
    g_hash_table_insert (statements, GSIZE_TO_POINTER (type), stmt);
  return stmt;
}

static gboolean
validate_dated (AtlasRecord  *record,
                const char   *date_field,
                const char   *precision_field,
                GError      **error)
{
  const char *date = atlas_record_get_text (record, date_field);

  return date == NULL
         || atlas_validate_date (date, atlas_record_get_text (record, precision_field), error);
}

/* What the schema cannot say by itself: real coordinates, real dates, grades in range. */
static gboolean
validate_record (AtlasRecord  *record,
                 GError      **error)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);
  gint64 credibility;

  if (atlas_record_get_key (record) == NULL || *atlas_record_get_key (record) == '\0')
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID, _("it has no key"));
      return FALSE;
    }
  if (has_point (klass)
      && !atlas_validate_coordinate (atlas_record_get_double (record, "latitude"),
                                     atlas_record_get_double (record, "longitude"), error))
    return FALSE;
  if (ATLAS_IS_INCIDENT (record))
    return validate_dated (record, "start_time", "start_precision", error)
           && validate_dated (record, "end_time", "end_precision", error);
  if (ATLAS_IS_WAYPOINT (record))
    return validate_dated (record, "date", "date_precision", error);
  if (ATLAS_IS_CLAIM (record))
    {
      credibility = atlas_record_get_int (record, "credibility");
      if (credibility < 1 || credibility > 6)
        {
          g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                       _("credibility %" G_GINT64_FORMAT " is outside 1…6"), credibility);
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds the claim's text packed, and its column set, where it packs */
static gboolean
bind_claim_text (AtlasCaseWriter  *self,
                 sqlite3_stmt     *stmt,
                 AtlasRecord      *claim,
                 int               set_index,
                 GError          **error)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (claim);
  const AtlasField *value_text = atlas_record_class_find_field (klass, "value_text");
  /* the key is parameter 1, the fields follow in order */
  int value_index = 2 + (int) (value_text - klass->fields);

  return atlas_column_sets_bind (self->column_sets, stmt, value_index, set_index,
                                 atlas_record_get_text (claim, "attribute"),
                                 atlas_record_get_text (claim, "value_text"), error);
}

static gboolean
insert_record (AtlasCaseWriter  *self,
               AtlasRecord      *record,
               GError          **error)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);
  sqlite3_stmt *stmt = get_insert_statement (self, klass, error);
  g_autoptr(GBytes) geom = NULL;
  int index = 1;
  int rc;

  if (stmt == NULL || !validate_record (record, error))
    return FALSE;

  sqlite3_bind_text (stmt, index++, atlas_record_get_key (record), -1, SQLITE_STATIC);
  for (guint i = 0; i < klass->n_fields; i++)
    bind_field (stmt, index++, record, &klass->fields[i]);
  if (has_point (klass))
    {
      geom = atlas_gpkg_point_new (atlas_record_get_double (record, "latitude"),
                                   atlas_record_get_double (record, "longitude"));
      sqlite3_bind_blob (stmt, index, g_bytes_get_data (geom, NULL),
                         (int) g_bytes_get_size (geom), SQLITE_STATIC);
    }
  if (is_claim (klass) && !bind_claim_text (self, stmt, record, index, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID, "%s",
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  atlas_record_set_id (record, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static gboolean
insert_all (AtlasCaseWriter  *self,
            GPtrArray        *records,
            GError          **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);

      if (i % RECORDS_PER_STEP == 0
          && !report (self, INSERT_SHARE * i / records->len, error))
        return FALSE;
      if (!insert_record (self, record, error))
        {
          g_prefix_error (error, _("%s “%s”: "), atlas_record_get_kind (record),
                          atlas_record_get_key (record) ? atlas_record_get_key (record) : "");
          return FALSE;
        }
    }
  return TRUE;
}

static guint
count_points (GPtrArray *records)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    if (ATLAS_IS_INCIDENT (g_ptr_array_index (records, i))
        || ATLAS_IS_WAYPOINT (g_ptr_array_index (records, i)))
      n++;
  return n;
}

static guint
count_claims (GPtrArray *records)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    n += ATLAS_IS_CLAIM (g_ptr_array_index (records, i));
  return n;
}

/* The claims-by-document index takes claims in the order of their documents, a few hundred
 * places at once: a third of a large import's time (measured). When a write at least
 * doubles the claims, building that index afresh afterwards, sorted, is cheaper. */
static gboolean
rebuilds_document_index (AtlasCaseWriter *self,
                         GPtrArray       *records)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT coalesce(max(id), 0) FROM claims", NULL);
  gint64 existing = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW
                    ? sqlite3_column_int64 (stmt, 0) : G_MAXINT64;

  return (gint64) count_claims (records) >= existing;
}

/* The page cache of a bulk write, in KiB (the connection's own is 16 MiB, see
 * atlas-case-open.c); past this, SQLite writes its pages to the write-ahead log early. */
#define BULK_CACHE_KIB 32768

static gint64
get_cache_size (AtlasCaseWriter *self)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA cache_size", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0)
                                                            : -2000;
}

static void
set_cache_size (AtlasCaseWriter *self,
                gint64           cache_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);

  atlas_case_schema_exec (self->db, sql, NULL);
}

/* After a bulk write, and its search index. */
static void
restore_cache_size (AtlasCaseWriter *self)
{
  if (self->cache_shrunk)
    set_cache_size (self, self->cache_size);
  self->cache_shrunk = FALSE;
}

/* A large write goes in with the R-tree triggers off and a smaller page cache; the point
 * tables' R-trees are then built whole, and the route lines written after, with the
 * triggers on again. */
static gboolean
begin_bulk (AtlasCaseWriter  *self,
            GPtrArray        *first_chunk,
            gboolean         *rebuild_index,
            GError          **error)
{
  *rebuild_index = rebuilds_document_index (self, first_chunk);
  if (*rebuild_index
      && !atlas_case_schema_exec (self->db, "DROP INDEX claims_document", error))
    return FALSE;

  self->cache_size = get_cache_size (self);
  set_cache_size (self, -BULK_CACHE_KIB);
  self->cache_shrunk = TRUE;
  self->bulk = TRUE;
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  return TRUE;
}

static gboolean
end_bulk (AtlasCaseWriter  *self,
          gboolean          inserted,
          gboolean          rebuild_index,
          GError          **error)
{
  gboolean built;

  /* the page cache stays small until the search index has the rows too: see
   * write_chunks() */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
  self->bulk = FALSE;

  built = inserted
          && (!rebuild_index
              || atlas_case_schema_exec (self->db, ATLAS_CASE_SCHEMA_CLAIMS_DOCUMENT_INDEX, error))
          && atlas_rtree_loader_rebuild (self->db, "incidents", error)
          && atlas_rtree_loader_rebuild (self->db, "waypoints", error);
  return built;
}

/* @failed tells a chunk that could not be made from the end of them. */
static GPtrArray *
take_chunk (AtlasCaseChunkFunc   next_chunk,
            gpointer             chunk_data,
            gboolean            *failed,
            GError             **error)
{
  GError *local_error = NULL;
  GPtrArray *chunk = next_chunk (chunk_data, &local_error);

  *failed = local_error != NULL;
  if (local_error != NULL)
    {
      g_clear_pointer (&chunk, g_ptr_array_unref);
      g_propagate_error (error, local_error);
    }
  return chunk;
}

/* Inserts every chunk @next_chunk gives, in order, checking each one's references as it
 * goes (see atlas_case_references_check()) and freeing it after: a write keeps none of its
 * records, so its memory does not grow with its size. Whether the write goes in bulk is
 * told by its first chunk. */
static gboolean
insert_chunks (AtlasCaseWriter     *self,
               AtlasCaseChunkFunc   next_chunk,
               gpointer             chunk_data,
               guint64             *n_written,
               GError             **error)
{
  gboolean failed, bulk, rebuild_index = FALSE;
  g_autoptr(GPtrArray) chunk = take_chunk (next_chunk, chunk_data, &failed, error);

  if (chunk == NULL)
    return !failed;

  bulk = count_points (chunk) >= BULK_POINTS;
  if (bulk && !begin_bulk (self, chunk, &rebuild_index, error))
    return FALSE;

  while (chunk != NULL && !failed)
    {
      failed = !insert_all (self, chunk, error)
               || !atlas_case_references_check (self->references, chunk, TRUE, error);
      *n_written += chunk->len;
      g_clear_pointer (&chunk, g_ptr_array_unref);
      if (!failed)
        chunk = take_chunk (next_chunk, chunk_data, &failed, error);
    }

  return bulk ? end_bulk (self, !failed, rebuild_index, error) : !failed;
}

/* ---- the search index ------------------------------------------------------------ */

/* The last row id of each table the search index holds rows of. */
static void
read_last_ids (AtlasCaseWriter *self,
               gint64           ids[ATLAS_CASE_N_SEARCH_TABLES])
{
  static const char *const sql[ATLAS_CASE_N_SEARCH_TABLES] = {
    "SELECT coalesce(max(id), 0) FROM incidents", "SELECT coalesce(max(id), 0) FROM routes",
    "SELECT coalesce(max(id), 0) FROM waypoints", "SELECT coalesce(max(id), 0) FROM actors",
    "SELECT coalesce(max(id), 0) FROM documents", "SELECT coalesce(max(id), 0) FROM claims",
  };

  for (guint i = 0; i < ATLAS_CASE_N_SEARCH_TABLES; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self, sql[i], NULL);

      ids[i] = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW
               ? sqlite3_column_int64 (stmt, 0) : 0;
    }
}

/* ---- writing ------------------------------------------------------------------------ */

/* A large write leaves copying its write-ahead log back into the file (a gigabyte for a
 * million rows) to its caller, which does it on a connection of its own after the commit:
 * the connection the window reads through stays free meanwhile. */
static gboolean
leave_log (AtlasCaseWriter *self)
{
  sqlite3_wal_autocheckpoint (self->db, 0);
  self->log_left = TRUE;
  return TRUE;
}

/* The rows a write adds are indexed for search after them, in the same transaction: one
 * statement per table, reading the new rows in their order. */
static gboolean
write_chunks (AtlasCaseWriter     *self,
              AtlasCaseChunkFunc   next_chunk,
              gpointer             chunk_data,
              GError             **error)
{
  gint64 before[ATLAS_CASE_N_SEARCH_TABLES], after[ATLAS_CASE_N_SEARCH_TABLES];
  guint64 n_written = 0;
  gboolean written;

  self->log_left = FALSE;
  read_last_ids (self, before);
  written = insert_chunks (self, next_chunk, chunk_data, &n_written, error)
            && report (self, INSERT_SHARE, error)
            && atlas_case_references_check_waiting (self->references, error)
            && atlas_case_layers_update_written_route_lines (self->db, before, error)
            && atlas_case_layers_update_extents (self->db, error);
  atlas_case_references_forget (self->references);
  if (written)
    {
      read_last_ids (self, after);
      written = atlas_case_schema_index_range (self->db, before, after, error);
    }
  restore_cache_size (self);
  return written
         && (n_written < LEAVE_LOG_FROM || leave_log (self))
         && report (self, 1.0, error);
}

/**
 * atlas_case_writer_write_chunks:
 * @progress_func: (nullable): told how far the write is; for a write of more than one chunk,
 *   within each chunk
 *
 * Writes what @next_chunk gives, chunk after chunk, within the caller's transaction; on
 * %FALSE the caller rolls back. Each chunk is released once written: the write keeps none
 * of its records.
 */
gboolean
atlas_case_writer_write_chunks (AtlasCaseWriter        *self,
                                AtlasCaseChunkFunc      next_chunk,
                                gpointer                chunk_data,
                                GCancellable           *cancellable,
                                AtlasCaseProgressFunc   progress_func,
                                gpointer                user_data,
                                GError                **error)
{
  begin_write (self, cancellable, progress_func, user_data);
  return end_write (self, write_chunks (self, next_chunk, chunk_data, error), error);
}

/**
 * atlas_case_writer_get_log_left:
 *
 * Returns: %TRUE when the last write was large enough to leave its write-ahead log for the
 *   caller to copy back into the file, after the commit
 */
gboolean
atlas_case_writer_get_log_left (AtlasCaseWriter *self)
{
  return self->log_left;
}

/**
 * atlas_case_writer_unindex_record:
 *
 * Takes @record's row out of the search index, before the row changes or goes: see
 * atlas_case_schema_unindex_record(). Records search does not find need nothing.
 */
gboolean
atlas_case_writer_unindex_record (AtlasCaseWriter  *self,
                                  AtlasRecord      *record,
                                  GError          **error)
{
  int table = atlas_case_schema_search_table (ATLAS_RECORD_GET_CLASS (record)->table);

  return table < 0
         || atlas_case_schema_unindex_record (self->db, table, atlas_record_get_key (record),
                                              error);
}

/**
 * atlas_case_writer_index_record:
 *
 * Adds @record's row to the search index as the row now is, after it was added or changed.
 */
gboolean
atlas_case_writer_index_record (AtlasCaseWriter  *self,
                                AtlasRecord      *record,
                                GError          **error)
{
  int table = atlas_case_schema_search_table (ATLAS_RECORD_GET_CLASS (record)->table);

  return table < 0
         || atlas_case_schema_index_record (self->db, table, atlas_record_get_key (record),
                                            error);
}

/* ---- edits -------------------------------------------------------------------------- */

/**
 * atlas_case_writer_check_record:
 *
 * Checks what the schema cannot say of a record an edit writes: real coordinates, dates and
 * grades, and references that land on records the case holds.
 */
gboolean
atlas_case_writer_check_record (AtlasCaseWriter  *self,
                                AtlasRecord      *record,
                                GError          **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  gboolean valid;

  g_ptr_array_add (one, record);
  valid = validate_record (record, error)
          && atlas_case_references_check (self->references, one, FALSE, error);
  atlas_case_references_forget (self->references);
  return valid;
}

/**
 * atlas_case_writer_finish_edit:
 * @records: every record an edit touched, as it was and as it is
 *
 * Brings what follows from records up to date after an edit, in the caller's transaction:
 * route lines and the layers' extents. (The search index follows each step of the edit:
 * atlas_case_writer_unindex_record(), atlas_case_writer_index_record().)
 */
gboolean
atlas_case_writer_finish_edit (AtlasCaseWriter  *self,
                               GPtrArray        *records,
                               GError          **error)
{
  return atlas_case_layers_update_route_lines (self->db, records, error)
         && atlas_case_layers_update_extents_after_edit (self->db, records, error);
}
