/* atlas-case-schema.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Dropped and built again by a write that at least doubles the claims. */
#define ATLAS_CASE_SCHEMA_CLAIMS_DOCUMENT_INDEX \
  "CREATE INDEX claims_document ON claims (document_key)"

/* The tables the full-text index holds rows of, in the order its functions take them. */
typedef enum {
  ATLAS_CASE_SEARCH_INCIDENTS,
  ATLAS_CASE_SEARCH_ROUTES,
  ATLAS_CASE_SEARCH_WAYPOINTS,
  ATLAS_CASE_SEARCH_ACTORS,
  ATLAS_CASE_SEARCH_DOCUMENTS,
  ATLAS_CASE_SEARCH_CLAIMS,
  ATLAS_CASE_N_SEARCH_TABLES
} AtlasCaseSearchTable;

/* How the search index cuts text into words, and a search the words typed: the same
 * tokenizer, with the same arguments, for both (see atlas-case-search.c). */
#define ATLAS_CASE_SEARCH_TOKENIZER "unicode61"
#define ATLAS_CASE_SEARCH_TOKENIZER_ARGS "remove_diacritics", "2"
#define ATLAS_CASE_SEARCH_TOKENIZE_SQL "tokenize = 'unicode61 remove_diacritics 2'"

/* 'GPKG' as PRAGMA application_id, and GeoPackage 1.3 as PRAGMA user_version */
#define ATLAS_GPKG_APPLICATION_ID 0x47504B47
#define ATLAS_GPKG_USER_VERSION 10300

/* The layout of our own tables; bump it with a new step in the migrations. */
#define ATLAS_CASE_SCHEMA_VERSION 6

gboolean atlas_case_schema_create          (sqlite3      *db,
                                            GError      **error);
gboolean atlas_case_schema_migrate         (sqlite3      *db,
                                            int           from_version,
                                            GError      **error);
gboolean atlas_case_schema_migrate_until   (sqlite3      *db,
                                            int           from_version,
                                            int           until,
                                            GError      **error);
gboolean atlas_case_schema_create_version  (sqlite3      *db,
                                            int           version,
                                            GError      **error);
gboolean atlas_case_schema_index_record    (sqlite3      *db,
                                            int           table,
                                            const char   *key,
                                            GError      **error);
gboolean atlas_case_schema_unindex_record  (sqlite3      *db,
                                            int           table,
                                            const char   *key,
                                            GError      **error);
int      atlas_case_schema_search_table    (const char   *table);
int      atlas_case_schema_read_version    (sqlite3      *db);
gboolean atlas_case_schema_check_trusted   (sqlite3      *db,
                                            GError      **error);
gboolean atlas_case_schema_index_range     (sqlite3      *db,
                                            const gint64  after[ATLAS_CASE_N_SEARCH_TABLES],
                                            const gint64  through[ATLAS_CASE_N_SEARCH_TABLES],
                                            GError      **error);
gboolean atlas_case_schema_exec            (sqlite3      *db,
                                            const char   *sql,
                                            GError      **error);

gboolean      atlas_case_schema_set_error (GError      **error,
                                           sqlite3      *db,
                                           const char   *what);
sqlite3_stmt *atlas_case_schema_prepare   (sqlite3      *db,
                                           const char   *sql,
                                           GError      **error);

G_END_DECLS
